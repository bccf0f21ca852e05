CREATE TABLE "audit_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" text,
	"action" text NOT NULL,
	"entity" text,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"client_id" text,
	"address" text,
	"username" text
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "visible_from" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "id" text DEFAULT gen_random_uuid()::text NOT NULL;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_entry_ente_at_idx" ON "audit_entry" USING btree ("ente_id","at");--> statement-breakpoint
CREATE INDEX "audit_entry_login_idx" ON "audit_entry" USING btree ("username","at") WHERE "audit_entry"."username" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "session_id_idx" ON "session" USING btree ("id");--> statement-breakpoint
CREATE INDEX "session_ente_idx" ON "session" USING btree ("ente_id");