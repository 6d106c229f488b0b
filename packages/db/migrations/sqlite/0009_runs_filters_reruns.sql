ALTER TABLE `run_steps` ADD `replayed_from` text;--> statement-breakpoint
-- Edited by hand: runs recorded before this migration take their flow's workflow (SQLite adds a NOT NULL column only with a default).
ALTER TABLE `runs` ADD `workflow_id` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `runs` SET `workflow_id` = (SELECT `workflow_id` FROM `flows` WHERE `flows`.`id` = `runs`.`flow_id`);--> statement-breakpoint
ALTER TABLE `runs` ADD `rerun_of` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `rerun_from_node_id` text;--> statement-breakpoint
CREATE INDEX `runs_flow_status_started_idx` ON `runs` (`flow_id`,`status`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_flow_trigger_started_idx` ON `runs` (`flow_id`,`trigger_type`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_flow_user_started_idx` ON `runs` (`flow_id`,`user_id`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_workflow_started_idx` ON `runs` (`workflow_id`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_workflow_status_started_idx` ON `runs` (`workflow_id`,`status`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_workflow_trigger_started_idx` ON `runs` (`workflow_id`,`trigger_type`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_workflow_user_started_idx` ON `runs` (`workflow_id`,`user_id`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_rerun_of_idx` ON `runs` (`rerun_of`) WHERE "runs"."rerun_of" is not null;