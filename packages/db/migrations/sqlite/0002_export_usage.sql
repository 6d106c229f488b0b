CREATE TABLE `script_endpoint_refs` (
	`custom_step_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`endpoint_name_key` text NOT NULL,
	`endpoint_name` text NOT NULL,
	`occurrences` integer NOT NULL,
	PRIMARY KEY(`custom_step_id`, `endpoint_name_key`),
	FOREIGN KEY (`custom_step_id`) REFERENCES `custom_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `script_endpoint_refs_workflow_name_idx` ON `script_endpoint_refs` (`workflow_id`,`endpoint_name_key`);--> statement-breakpoint
ALTER TABLE `endpoints` ADD `needs_credentials` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `custom_steps` ADD `script_index_version` integer DEFAULT 0 NOT NULL;