CREATE TABLE "anonymous_dossiers" (
	"tenant_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"pass_hash" text,
	"pass_expires_at" timestamp with time zone,
	"code_hash" text,
	"code_issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "anonymous_dossiers_tenant_id_dossier_id_pk" PRIMARY KEY("tenant_id","dossier_id"),
	CONSTRAINT "anonymous_dossiers_pass_hash_key" UNIQUE("pass_hash"),
	CONSTRAINT "anonymous_dossiers_code_hash_key" UNIQUE("code_hash"),
	CONSTRAINT "anonymous_dossiers_pass_hash" CHECK ("anonymous_dossiers"."pass_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "anonymous_dossiers_code_hash" CHECK ("anonymous_dossiers"."code_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "citizen_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"label" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"scan_status" text NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "citizen_documents_label_length" CHECK (char_length("citizen_documents"."label") between 1 and 120),
	CONSTRAINT "citizen_documents_size" CHECK ("citizen_documents"."size_bytes" >= 0),
	CONSTRAINT "citizen_documents_sha256" CHECK ("citizen_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "citizen_documents_scan_status" CHECK ("citizen_documents"."scan_status" in ('pending', 'clean', 'infected', 'not_scanned'))
);
--> statement-breakpoint
ALTER TABLE "anonymous_dossiers" ADD CONSTRAINT "anonymous_dossiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_dossiers" ADD CONSTRAINT "anonymous_dossiers_dossier_fk" FOREIGN KEY ("tenant_id","dossier_id") REFERENCES "public"."dossiers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_dossiers" ADD CONSTRAINT "anonymous_dossiers_applicant_fk" FOREIGN KEY ("tenant_id","applicant_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_owner_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_documents_owner_idx" ON "citizen_documents" USING btree ("tenant_id","owner_id","created_at");
-- hand-written: nothing more to grant. guichet_app gets select, insert, update and delete
-- on both tables through migration 0008's default privileges: a pass or a code is
-- replaced (update), a safe document is deleted by its owner.
