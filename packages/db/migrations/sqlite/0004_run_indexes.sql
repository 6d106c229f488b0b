DROP INDEX `run_steps_status_idx`;--> statement-breakpoint
CREATE INDEX `run_steps_running_idx` ON `run_steps` (`status`) WHERE "run_steps"."status" = 'running';--> statement-breakpoint
DROP INDEX `runs_flow_started_idx`;--> statement-breakpoint
DROP INDEX `runs_status_idx`;--> statement-breakpoint
CREATE INDEX `runs_flow_started_id_idx` ON `runs` (`flow_id`,"started_at" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `runs_running_idx` ON `runs` (`status`) WHERE "runs"."status" = 'running';