-- When a cross-team blocks link became a dependency conflict (null while it is not one): its POs and PMs are
-- told once when it becomes one, not again while it stands.
ALTER TABLE "story_links" ADD COLUMN "conflict_since" timestamp with time zone;
