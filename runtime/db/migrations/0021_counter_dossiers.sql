CREATE TABLE "counter_dossiers" (
	"tenant_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counter_dossiers_tenant_id_dossier_id_pk" PRIMARY KEY("tenant_id","dossier_id")
);
--> statement-breakpoint
ALTER TABLE "counter_dossiers" ADD CONSTRAINT "counter_dossiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_dossiers" ADD CONSTRAINT "counter_dossiers_dossier_fk" FOREIGN KEY ("tenant_id","dossier_id") REFERENCES "public"."dossiers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_dossiers" ADD CONSTRAINT "counter_dossiers_agent_fk" FOREIGN KEY ("tenant_id","agent_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;