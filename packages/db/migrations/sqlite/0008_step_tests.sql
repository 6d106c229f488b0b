CREATE TABLE `step_tests` (
	`id` text PRIMARY KEY NOT NULL,
	`flow_id` text NOT NULL,
	`node_id` text NOT NULL,
	`user_id` text NOT NULL,
	`started_at` text NOT NULL,
	`upstream` text NOT NULL,
	`record` text NOT NULL,
	FOREIGN KEY (`flow_id`) REFERENCES `flows`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `step_tests_flow_node_started_idx` ON `step_tests` (`flow_id`,`node_id`,"started_at" desc);--> statement-breakpoint
ALTER TABLE `run_steps` ADD `pinned` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `run_steps` ADD `tries` text;