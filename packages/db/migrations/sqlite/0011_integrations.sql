CREATE TABLE `integration_endpoint_refs` (
	`integration_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`endpoint_name_key` text NOT NULL,
	`endpoint_name` text NOT NULL,
	`occurrences` integer NOT NULL,
	PRIMARY KEY(`integration_id`, `endpoint_name_key`),
	FOREIGN KEY (`integration_id`) REFERENCES `integrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `integration_endpoint_refs_workflow_name_idx` ON `integration_endpoint_refs` (`workflow_id`,`endpoint_name_key`);--> statement-breakpoint
CREATE TABLE `integration_log` (
	`id` text PRIMARY KEY NOT NULL,
	`integration_id` text NOT NULL,
	`at` text NOT NULL,
	`duration_ms` real,
	`kind` text NOT NULL,
	`caller` text,
	`method` text,
	`event` text,
	`source_run_id` text,
	`body` text NOT NULL,
	`body_truncated` integer NOT NULL,
	`logs` text NOT NULL,
	`exchanges` text NOT NULL,
	`outcome` text NOT NULL,
	`status` integer,
	`error` text,
	`run_ids` text NOT NULL,
	FOREIGN KEY (`integration_id`) REFERENCES `integrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `integration_log_integration_at_idx` ON `integration_log` (`integration_id`,"at" desc,"id" desc);--> statement-breakpoint
CREATE TABLE `integrations` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`definition` text NOT NULL,
	`token_hash` text,
	`token_created_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integrations_workflow_name_key_unique` ON `integrations` (`workflow_id`,`name_key`);--> statement-breakpoint
ALTER TABLE `runs` ADD `origin` text;