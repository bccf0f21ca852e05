CREATE TABLE "amendment" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"objective_id" text,
	"kind" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"motivation" text NOT NULL,
	"act" jsonb,
	"user_id" text NOT NULL,
	"mutation_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ente" ADD COLUMN "settings" jsonb DEFAULT '{"headsMayAmend":false}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "objective" ADD COLUMN "replaces" text;--> statement-breakpoint
ALTER TABLE "phase" ADD COLUMN "removed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "year" integer;--> statement-breakpoint
UPDATE "plan" SET "year" = COALESCE(("years"->>0)::integer, EXTRACT(YEAR FROM now())::integer);--> statement-breakpoint
ALTER TABLE "plan" ALTER COLUMN "year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "status" text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "events" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "amendment_ente_version_idx" ON "amendment" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "amendment_plan_idx" ON "amendment" USING btree ("plan_id");