CREATE TABLE "integration_endpoint_refs" (
	"integration_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"endpoint_name_key" text NOT NULL,
	"endpoint_name" text NOT NULL,
	"occurrences" integer NOT NULL,
	CONSTRAINT "integration_endpoint_refs_integration_id_endpoint_name_key_pk" PRIMARY KEY("integration_id","endpoint_name_key")
);
--> statement-breakpoint
CREATE TABLE "integration_log" (
	"id" text PRIMARY KEY NOT NULL,
	"integration_id" text NOT NULL,
	"at" text NOT NULL,
	"duration_ms" double precision,
	"kind" text NOT NULL,
	"caller" json,
	"method" text,
	"event" text,
	"source_run_id" text,
	"body" text NOT NULL,
	"body_truncated" boolean NOT NULL,
	"logs" json NOT NULL,
	"exchanges" json NOT NULL,
	"outcome" text NOT NULL,
	"status" integer,
	"error" json,
	"run_ids" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"definition" json NOT NULL,
	"token_hash" text,
	"token_created_at" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "origin" json;--> statement-breakpoint
ALTER TABLE "integration_endpoint_refs" ADD CONSTRAINT "integration_endpoint_refs_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_endpoint_refs" ADD CONSTRAINT "integration_endpoint_refs_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_log" ADD CONSTRAINT "integration_log_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_endpoint_refs_workflow_name_idx" ON "integration_endpoint_refs" USING btree ("workflow_id","endpoint_name_key");--> statement-breakpoint
CREATE INDEX "integration_log_integration_at_idx" ON "integration_log" USING btree ("integration_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_workflow_name_key_unique" ON "integrations" USING btree ("workflow_id","name_key");