CREATE TABLE "integration_rate_windows" (
	"integration_id" text PRIMARY KEY NOT NULL,
	"window_start" text NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integration_rate_windows" ADD CONSTRAINT "integration_rate_windows_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;