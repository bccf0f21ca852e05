CREATE TABLE "app_user" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"area_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_hash" text NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"head" text,
	"motivation" text,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachment" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflict" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"phase_id" text NOT NULL,
	"area_id" text NOT NULL,
	"field" text NOT NULL,
	"overwritten" jsonb NOT NULL,
	"winner" jsonb NOT NULL,
	"user_ids" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ente" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" bigint NOT NULL,
	"min_version" bigint NOT NULL,
	"row_version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutation_result" (
	"ente_id" text NOT NULL,
	"client_id" text NOT NULL,
	"seq" integer NOT NULL,
	"mutation_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"reason_code" text,
	"reason_key" text,
	"reason_params" jsonb,
	"conflict" boolean DEFAULT false NOT NULL,
	"version" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mutation_result_client_id_seq_pk" PRIMARY KEY("client_id","seq")
);
--> statement-breakpoint
CREATE TABLE "note" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"objective_id" text NOT NULL,
	"phase_id" text,
	"area_id" text NOT NULL,
	"author_id" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"attachment_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objective" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"area_id" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"indicator" text NOT NULL,
	"subjects" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"motivation" text,
	"weight_head" double precision,
	"weight_giunta" double precision,
	"weight_nucleo" double precision,
	"position" integer NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"objective_id" text NOT NULL,
	"area_id" text NOT NULL,
	"number" integer NOT NULL,
	"indicator" text NOT NULL,
	"subjects" text NOT NULL,
	"description" text NOT NULL,
	"weight" double precision,
	"weight_unit" text,
	"deadline" text,
	"status" text NOT NULL,
	"percent" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase_history" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"phase_id" text NOT NULL,
	"area_id" text NOT NULL,
	"field" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"user_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"conflict" boolean NOT NULL,
	"mutation_id" text,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"title" text NOT NULL,
	"years" jsonb NOT NULL,
	"acts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_client" (
	"id" text PRIMARY KEY NOT NULL,
	"ente_id" text NOT NULL,
	"user_id" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_idx" ON "app_user" USING btree ("username");--> statement-breakpoint
CREATE INDEX "app_user_ente_version_idx" ON "app_user" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "area_ente_version_idx" ON "area" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "conflict_ente_version_idx" ON "conflict" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "note_ente_version_idx" ON "note" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "objective_ente_version_idx" ON "objective" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "phase_ente_version_idx" ON "phase" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "phase_objective_idx" ON "phase" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "phase_history_ente_version_idx" ON "phase_history" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "plan_ente_version_idx" ON "plan" USING btree ("ente_id","version");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");