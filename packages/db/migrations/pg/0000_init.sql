CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" text NOT NULL,
	"last_used_at" text,
	"revoked_at" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL,
	"absolute_expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"base_url" text NOT NULL,
	"trust_self_signed" boolean DEFAULT false NOT NULL,
	"auth_type" text NOT NULL,
	"auth_config" json NOT NULL,
	"secrets" text,
	"needs_credentials" boolean DEFAULT false NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "endpoint_refs" (
	"endpoint_id" text NOT NULL,
	"flow_id" text NOT NULL,
	"node_id" text NOT NULL,
	"step_name" text NOT NULL,
	CONSTRAINT "endpoint_refs_flow_id_node_id_endpoint_id_pk" PRIMARY KEY("flow_id","node_id","endpoint_id")
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"name" text NOT NULL,
	"graph" json NOT NULL,
	"version" integer NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"node_id" text NOT NULL,
	"step_type" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"started_at" text NOT NULL,
	"finished_at" text,
	"duration_ms" double precision,
	"inputs" json NOT NULL,
	"outputs" json,
	"exchanges" json NOT NULL,
	"logs" json NOT NULL,
	"error" json
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_id" text NOT NULL,
	"flow_version" integer NOT NULL,
	"status" text NOT NULL,
	"trigger_type" text NOT NULL,
	"trigger_node_id" text NOT NULL,
	"user_id" text NOT NULL,
	"payload" json NOT NULL,
	"started_at" text NOT NULL,
	"finished_at" text,
	"duration_ms" double precision,
	"error" json
);
--> statement-breakpoint
CREATE TABLE "custom_step_refs" (
	"custom_step_id" text NOT NULL,
	"flow_id" text NOT NULL,
	"node_id" text NOT NULL,
	"step_name" text NOT NULL,
	CONSTRAINT "custom_step_refs_flow_id_node_id_pk" PRIMARY KEY("flow_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "custom_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"definition" json NOT NULL,
	"script_index_version" integer DEFAULT 0 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "constants" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"value" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "libraries" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"source" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "script_endpoint_refs" (
	"custom_step_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"endpoint_name_key" text NOT NULL,
	"endpoint_name" text NOT NULL,
	"occurrences" integer NOT NULL,
	CONSTRAINT "script_endpoint_refs_custom_step_id_endpoint_name_key_pk" PRIMARY KEY("custom_step_id","endpoint_name_key")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" json NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoints" ADD CONSTRAINT "endpoints_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_refs" ADD CONSTRAINT "endpoint_refs_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_refs" ADD CONSTRAINT "endpoint_refs_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_steps" ADD CONSTRAINT "run_steps_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_step_refs" ADD CONSTRAINT "custom_step_refs_custom_step_id_custom_steps_id_fk" FOREIGN KEY ("custom_step_id") REFERENCES "public"."custom_steps"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_step_refs" ADD CONSTRAINT "custom_step_refs_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_steps" ADD CONSTRAINT "custom_steps_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constants" ADD CONSTRAINT "constants_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "libraries" ADD CONSTRAINT "libraries_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script_endpoint_refs" ADD CONSTRAINT "script_endpoint_refs_custom_step_id_custom_steps_id_fk" FOREIGN KEY ("custom_step_id") REFERENCES "public"."custom_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script_endpoint_refs" ADD CONSTRAINT "script_endpoint_refs_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_unique" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "endpoints_workflow_name_key_unique" ON "endpoints" USING btree ("workflow_id","name_key");--> statement-breakpoint
CREATE INDEX "endpoint_refs_endpoint_idx" ON "endpoint_refs" USING btree ("endpoint_id");--> statement-breakpoint
CREATE INDEX "flows_workflow_idx" ON "flows" USING btree ("workflow_id");--> statement-breakpoint
CREATE INDEX "run_steps_run_idx" ON "run_steps" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "run_steps_running_idx" ON "run_steps" USING btree ("status") WHERE "run_steps"."status" = 'running';--> statement-breakpoint
CREATE INDEX "runs_flow_started_id_idx" ON "runs" USING btree ("flow_id","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_running_idx" ON "runs" USING btree ("status") WHERE "runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "custom_step_refs_custom_step_idx" ON "custom_step_refs" USING btree ("custom_step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_steps_workflow_name_key_unique" ON "custom_steps" USING btree ("workflow_id","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "constants_workflow_name_key_unique" ON "constants" USING btree ("workflow_id","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "libraries_workflow_name_key_unique" ON "libraries" USING btree ("workflow_id","name_key");--> statement-breakpoint
CREATE INDEX "script_endpoint_refs_workflow_name_idx" ON "script_endpoint_refs" USING btree ("workflow_id","endpoint_name_key");