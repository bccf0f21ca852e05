CREATE TABLE "evaluation" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"area_id" text NOT NULL,
	"percent" integer,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_report" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"snapshot_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"objective_id" text NOT NULL,
	"area_id" text NOT NULL,
	"done" text DEFAULT '' NOT NULL,
	"issues" text DEFAULT '' NOT NULL,
	"reachable" boolean,
	"action" text DEFAULT '' NOT NULL,
	"user_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase_verdict" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"objective_id" text NOT NULL,
	"area_id" text NOT NULL,
	"verdict" text,
	"reason" text,
	"user_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessment" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"area_id" text NOT NULL,
	"percent" integer,
	"note" text DEFAULT '' NOT NULL,
	"user_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"as_of" text NOT NULL,
	"label" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_by" text NOT NULL,
	"phases" jsonb NOT NULL,
	"objectives" jsonb NOT NULL,
	"round_closed_at" timestamp with time zone,
	"round_closed_by" text,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "scoring" jsonb DEFAULT '{"kind":"linear"}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "evaluation_ente_version_idx" ON "evaluation" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "evaluation_plan_idx" ON "evaluation" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "monitoring_report_ente_version_idx" ON "monitoring_report" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "monitoring_report_snapshot_idx" ON "monitoring_report" USING btree ("snapshot_id");--> statement-breakpoint
CREATE INDEX "phase_verdict_ente_version_idx" ON "phase_verdict" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "phase_verdict_plan_idx" ON "phase_verdict" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "self_assessment_ente_version_idx" ON "self_assessment" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "snapshot_ente_version_idx" ON "snapshot" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "snapshot_plan_idx" ON "snapshot" USING btree ("plan_id");