CREATE TABLE "saved_views" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "saved_views_name_unique" UNIQUE("tenant_id","user_id","name"),
	CONSTRAINT "saved_views_name_length" CHECK (char_length("saved_views"."name") between 1 and 60),
	CONSTRAINT "saved_views_search_length" CHECK (char_length("saved_views"."search") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: an agent saves, lists and deletes their own views; renaming is a new
-- view, so guichet_app needs no UPDATE. Said explicitly rather than left to migration
-- 0008's default privileges, which would also grant UPDATE.
REVOKE ALL ON saved_views FROM guichet_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON saved_views TO guichet_app;
