ALTER TABLE "run_steps" ADD COLUMN "replayed_from" text;--> statement-breakpoint
-- Edited by hand: runs recorded before this migration take their flow's workflow.
ALTER TABLE "runs" ADD COLUMN "workflow_id" text;--> statement-breakpoint
UPDATE "runs" SET "workflow_id" = (SELECT "workflow_id" FROM "flows" WHERE "flows"."id" = "runs"."flow_id");--> statement-breakpoint
ALTER TABLE "runs" ALTER COLUMN "workflow_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "rerun_of" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "rerun_from_node_id" text;--> statement-breakpoint
CREATE INDEX "runs_flow_status_started_idx" ON "runs" USING btree ("flow_id","status","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_flow_trigger_started_idx" ON "runs" USING btree ("flow_id","trigger_type","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_flow_user_started_idx" ON "runs" USING btree ("flow_id","user_id","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_workflow_started_idx" ON "runs" USING btree ("workflow_id","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_workflow_status_started_idx" ON "runs" USING btree ("workflow_id","status","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_workflow_trigger_started_idx" ON "runs" USING btree ("workflow_id","trigger_type","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_workflow_user_started_idx" ON "runs" USING btree ("workflow_id","user_id","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_rerun_of_idx" ON "runs" USING btree ("rerun_of") WHERE "runs"."rerun_of" is not null;