CREATE TABLE "tenant_hosts" (
	"tenant_id" uuid NOT NULL,
	"host" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_hosts_tenant_id_host_pk" PRIMARY KEY("tenant_id","host"),
	CONSTRAINT "tenant_hosts_host_format" CHECK ("tenant_hosts"."host" ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$' and length("tenant_hosts"."host") <= 253)
);
--> statement-breakpoint
ALTER TABLE "tenant_hosts" ADD CONSTRAINT "tenant_hosts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_hosts_host_key" ON "tenant_hosts" USING btree ("host");