ALTER TABLE "anonymous_dossiers" ADD COLUMN "mailed_code_hash" text;--> statement-breakpoint
ALTER TABLE "anonymous_dossiers" ADD COLUMN "code_mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "anonymous_dossiers" ADD CONSTRAINT "anonymous_dossiers_mailed_code_hash_key" UNIQUE("mailed_code_hash");--> statement-breakpoint
ALTER TABLE "anonymous_dossiers" ADD CONSTRAINT "anonymous_dossiers_mailed_code_hash" CHECK ("anonymous_dossiers"."mailed_code_hash" ~ '^[0-9a-f]{64}$');