CREATE TABLE "endpoint_tokens" (
	"cache_key" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"sealed" text NOT NULL,
	"value_hash" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_credentials" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "endpoint_tokens" ADD CONSTRAINT "endpoint_tokens_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_credentials" ADD CONSTRAINT "run_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endpoint_tokens_endpoint_idx" ON "endpoint_tokens" USING btree ("endpoint_id");--> statement-breakpoint
CREATE INDEX "run_credentials_run_idx" ON "run_credentials" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "run_credentials_expires_idx" ON "run_credentials" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_last_idx" ON "sign_in_failures" USING btree ("last_failure_at");