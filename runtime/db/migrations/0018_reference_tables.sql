CREATE TABLE "reference_rows" (
	"tenant_id" uuid NOT NULL,
	"table_code" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"search_key" text NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "reference_rows_tenant_id_table_code_code_pk" PRIMARY KEY("tenant_id","table_code","code")
);
--> statement-breakpoint
CREATE TABLE "reference_tables" (
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"extra_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" uuid NOT NULL,
	CONSTRAINT "reference_tables_tenant_id_code_pk" PRIMARY KEY("tenant_id","code"),
	CONSTRAINT "reference_tables_code_format" CHECK ("reference_tables"."code" ~ '^[a-z][a-z0-9_-]{0,63}$')
);
--> statement-breakpoint
ALTER TABLE "reference_rows" ADD CONSTRAINT "reference_rows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_rows" ADD CONSTRAINT "reference_rows_table_fk" FOREIGN KEY ("tenant_id","table_code") REFERENCES "public"."reference_tables"("tenant_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_tables" ADD CONSTRAINT "reference_tables_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reference_rows_search_idx" ON "reference_rows" USING btree ("tenant_id","table_code","search_key" text_pattern_ops,"code");--> statement-breakpoint
-- hand-written: the server (guichet_app) imports and reads reference tables; it replaces
-- a table's rows by DELETE + INSERT inside one transaction. Migration 0008's default
-- privileges already cover new tables; granted here explicitly so the least-privilege
-- tests read what this table needs in its own migration.
GRANT SELECT, INSERT, UPDATE, DELETE ON reference_tables, reference_rows TO guichet_app;
