DROP INDEX "stories_due";--> statement-breakpoint
CREATE INDEX "stories_due" ON "stories" USING btree ("project_id","due_date","rank");