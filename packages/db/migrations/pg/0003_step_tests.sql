CREATE TABLE "step_tests" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_id" text NOT NULL,
	"node_id" text NOT NULL,
	"user_id" text NOT NULL,
	"started_at" text NOT NULL,
	"upstream" json NOT NULL,
	"record" json NOT NULL
);
--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "pinned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "tries" json;--> statement-breakpoint
ALTER TABLE "step_tests" ADD CONSTRAINT "step_tests_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_tests" ADD CONSTRAINT "step_tests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "step_tests_flow_node_started_idx" ON "step_tests" USING btree ("flow_id","node_id","started_at" desc);