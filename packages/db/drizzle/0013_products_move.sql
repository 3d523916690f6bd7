ALTER TABLE "epics" DROP CONSTRAINT "epics_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "feedback" DROP CONSTRAINT "feedback_project_id_projects_id_fk";
--> statement-breakpoint
DROP INDEX "epics_rank";--> statement-breakpoint
DROP INDEX "epics_external_key";--> statement-breakpoint
DROP INDEX "feedback_project";--> statement-breakpoint
ALTER TABLE "epics" DROP COLUMN "project_id";--> statement-breakpoint
ALTER TABLE "feedback" DROP COLUMN "project_id";--> statement-breakpoint
ALTER TABLE "projects" DROP COLUMN "vision";