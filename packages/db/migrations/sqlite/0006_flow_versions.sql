CREATE TABLE `flow_versions` (
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`graph` text NOT NULL,
	`saved_at` text NOT NULL,
	`saved_by_id` text,
	`saved_by_name` text NOT NULL,
	`summary` text NOT NULL,
	PRIMARY KEY(`flow_id`, `version`),
	FOREIGN KEY (`flow_id`) REFERENCES `flows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `flows` ADD `enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `flows_workflow_name_idx` ON `flows` (`workflow_id`,`name`,`id`);