-- Existing people get a handle from their email's local part (as handleFromEmail does for new ones, minus
-- accents), numbered in order of sign-up when two share it; a clash left after that (someone's own `ada-2`)
-- is resolved for the earlier sign-up: the later one takes an id suffix.
ALTER TABLE "users" ADD COLUMN "handle" text;--> statement-breakpoint
UPDATE "users" AS u SET "handle" = numbered.handle
FROM (
  SELECT id, CASE WHEN n = 1 THEN base ELSE left(base, 28) || '-' || n END AS handle
  FROM (
    SELECT id, base, row_number() OVER (PARTITION BY base ORDER BY created_at, id) AS n
    FROM (
      SELECT id, created_at,
        coalesce(nullif(trim(both '._-' from left(trim(both '._-' from regexp_replace(lower(split_part(email, '@', 1)), '[^a-z0-9._-]+', '.', 'g')), 32)), ''), 'user') AS base
      FROM "users"
    ) AS bases
  ) AS ranked
) AS numbered
WHERE u.id = numbered.id;--> statement-breakpoint
UPDATE "users" AS u SET "handle" = left(u.handle, 23) || '-' || left(u.id::text, 8)
WHERE EXISTS (
  SELECT 1 FROM "users" AS o
  WHERE o.handle = u.handle AND (o.created_at, o.id) < (u.created_at, u.id)
);--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "handle" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_handle_unique" UNIQUE("handle");
