CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"format" text NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "epics" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "assignee_name" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "reporter_name" text;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_project" ON "imports" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "epics_external_key" ON "epics" USING btree ("project_id","external_key") WHERE "epics"."external_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "stories_external_key" ON "stories" USING btree ("project_id","external_key") WHERE "stories"."external_key" is not null;