CREATE TABLE "dossier_comments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dossier_comments_body_length" CHECK (char_length("dossier_comments"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "dossier_follows" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_follows_tenant_id_user_id_dossier_id_pk" PRIMARY KEY("tenant_id","user_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "staff_invitations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"access" jsonb NOT NULL,
	"token_hash" text,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"user_id" uuid,
	CONSTRAINT "staff_invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "staff_invitations_token_hash_key" UNIQUE("token_hash"),
	CONSTRAINT "staff_invitations_email_lower" CHECK ("staff_invitations"."email" = lower("staff_invitations"."email")),
	CONSTRAINT "staff_invitations_token_hash" CHECK ("staff_invitations"."token_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "tenant_logos" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_logos_media_type" CHECK ("tenant_logos"."media_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "tenant_logos_size" CHECK (octet_length("tenant_logos"."bytes") between 1 and 204800),
	CONSTRAINT "tenant_logos_sha256" CHECK ("tenant_logos"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "contact" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_comments" ADD CONSTRAINT "dossier_comments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_comments" ADD CONSTRAINT "dossier_comments_dossier_fk" FOREIGN KEY ("tenant_id","dossier_id") REFERENCES "public"."dossiers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_comments" ADD CONSTRAINT "dossier_comments_author_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follows" ADD CONSTRAINT "dossier_follows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follows" ADD CONSTRAINT "dossier_follows_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follows" ADD CONSTRAINT "dossier_follows_dossier_fk" FOREIGN KEY ("tenant_id","dossier_id") REFERENCES "public"."dossiers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_invited_by_fk" FOREIGN KEY ("tenant_id","invited_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_logos" ADD CONSTRAINT "tenant_logos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_comments_dossier_idx" ON "dossier_comments" USING btree ("tenant_id","dossier_id","created_at","id");--> statement-breakpoint
CREATE INDEX "dossier_follows_dossier_idx" ON "dossier_follows" USING btree ("tenant_id","dossier_id");--> statement-breakpoint
CREATE INDEX "staff_invitations_email_idx" ON "staff_invitations" USING btree ("tenant_id","email");--> statement-breakpoint
-- hand-written: private comments are immutable for the application (an agent cannot
-- rewrite what a colleague wrote); a purged dossier's comments still go by ON DELETE
-- CASCADE, which runs as the table's owner. New tables otherwise get guichet_app's
-- DML through migration 0008's default privileges.
REVOKE UPDATE, DELETE ON dossier_comments FROM guichet_app;
