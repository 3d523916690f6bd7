CREATE TABLE "product_members" (
	"product_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_members_product_id_user_id_pk" PRIMARY KEY("product_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "epics" ADD COLUMN "product_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "product_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "product_id" uuid;--> statement-breakpoint
-- Every first-wave project becomes the only team of a product with its key, name and vision.
INSERT INTO "products" ("key", "name", "vision", "created_at")
  SELECT "key", "name", "vision", "created_at" FROM "projects";--> statement-breakpoint
UPDATE "projects" SET "product_id" = "products"."id" FROM "products" WHERE "products"."key" = "projects"."key";--> statement-breakpoint
-- Its epics and feedback move to the product (ranks were unique per project, so they are per product).
UPDATE "epics" SET "product_id" = "projects"."product_id" FROM "projects" WHERE "projects"."id" = "epics"."project_id";--> statement-breakpoint
UPDATE "feedback" SET "product_id" = "projects"."product_id" FROM "projects" WHERE "projects"."id" = "feedback"."project_id";--> statement-breakpoint
-- Admins, PMs and stakeholders hold their role on the product too; the team rows stay as they were, so a
-- single-team product's members see no change.
INSERT INTO "product_members" ("product_id", "user_id", "roles", "created_at")
  SELECT "projects"."product_id", "members"."user_id",
    ARRAY(SELECT r FROM unnest("members"."roles") AS r WHERE r IN ('admin', 'product_manager', 'stakeholder')),
    "members"."created_at"
  FROM "members" INNER JOIN "projects" ON "projects"."id" = "members"."project_id"
  WHERE "members"."roles" && ARRAY['admin', 'product_manager', 'stakeholder']::text[];--> statement-breakpoint
ALTER TABLE "epics" ALTER COLUMN "product_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ALTER COLUMN "product_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "product_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "product_members" ADD CONSTRAINT "product_members_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_members" ADD CONSTRAINT "product_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_members_user" ON "product_members" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "epics" ADD CONSTRAINT "epics_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "epics_product_rank" ON "epics" USING btree ("product_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "epics_product_external_key" ON "epics" USING btree ("product_id","external_key") WHERE "epics"."external_key" is not null;--> statement-breakpoint
CREATE INDEX "feedback_product" ON "feedback" USING btree ("product_id","created_at");--> statement-breakpoint
CREATE INDEX "projects_product" ON "projects" USING btree ("product_id");