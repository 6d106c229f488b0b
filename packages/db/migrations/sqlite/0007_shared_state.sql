CREATE TABLE `endpoint_tokens` (
	`cache_key` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`sealed` text NOT NULL,
	`value_hash` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `endpoint_tokens_endpoint_idx` ON `endpoint_tokens` (`endpoint_id`);--> statement-breakpoint
CREATE TABLE `run_credentials` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `run_credentials_run_idx` ON `run_credentials` (`run_id`);--> statement-breakpoint
CREATE INDEX `run_credentials_expires_idx` ON `run_credentials` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_last_idx` ON `sign_in_failures` (`last_failure_at`);