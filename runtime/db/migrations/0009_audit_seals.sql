CREATE TABLE "audit_seals" (
	"tenant_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"audit_id" bigint NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "audit_seals_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq"),
	CONSTRAINT "audit_seals_tenant_audit_key" UNIQUE("tenant_id","audit_id")
);
--> statement-breakpoint
CREATE TABLE "audit_unsealed" (
	"tenant_id" uuid NOT NULL,
	"audit_id" bigint NOT NULL,
	CONSTRAINT "audit_unsealed_tenant_id_audit_id_pk" PRIMARY KEY("tenant_id","audit_id")
);
--> statement-breakpoint
ALTER TABLE "audit_seals" ADD CONSTRAINT "audit_seals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_unsealed" ADD CONSTRAINT "audit_unsealed_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;