CREATE TYPE "public"."invitation_status" AS ENUM('not_opened', 'opened', 'drafted', 'submitted', 'replaced');--> statement-breakpoint
CREATE TYPE "public"."round_status" AS ENUM('draft', 'pool_frozen', 'drawn', 'open', 'closed', 'published', 'voided');--> statement-breakpoint
CREATE TABLE "draw_entries" (
	"round_id" text NOT NULL,
	"uscc" text NOT NULL,
	"stratum" text NOT NULL,
	"ticket" text NOT NULL,
	"kind" text NOT NULL,
	"backup_order" integer,
	CONSTRAINT "draw_entries_round_id_uscc_pk" PRIMARY KEY("round_id","uscc")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"uscc" text NOT NULL,
	"stratum" text NOT NULL,
	"token_hash" text NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL,
	"status" "invitation_status" DEFAULT 'not_opened' NOT NULL,
	"opened_at" timestamp with time zone,
	"draft" jsonb,
	"draft_saved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submission_id" uuid,
	"replaced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
CREATE TABLE "replacements" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"out_uscc" text NOT NULL,
	"in_uscc" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revoked_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"revoked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_departments" (
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"category" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "round_departments_round_id_department_id_pk" PRIMARY KEY("round_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "round_pool" (
	"round_id" text NOT NULL,
	"uscc" text NOT NULL,
	"stratum" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	CONSTRAINT "round_pool_round_id_uscc_pk" PRIMARY KEY("round_id","uscc")
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"status" "round_status" DEFAULT 'draft' NOT NULL,
	"sample_size" integer NOT NULL,
	"stratify_by" text,
	"rotation_exclusion" boolean NOT NULL,
	"votes_limit" integer NOT NULL,
	"min_ratings" integer NOT NULL,
	"bottom_n" integer NOT NULL,
	"escalation_policy" text NOT NULL,
	"scale" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"pool_hash" text,
	"pool_size" integer,
	"frozen_at" timestamp with time zone,
	"seed" text,
	"seed_source" text,
	"quotas" jsonb,
	"drawn_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "draw_entries" ADD CONSTRAINT "draw_entries_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacements" ADD CONSTRAINT "replacements_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revoked_tokens" ADD CONSTRAINT "revoked_tokens_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_departments" ADD CONSTRAINT "round_departments_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_departments" ADD CONSTRAINT "round_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_pool" ADD CONSTRAINT "round_pool_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_pool" ADD CONSTRAINT "round_pool_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_round_uscc_uq" ON "invitations" USING btree ("round_id","uscc");--> statement-breakpoint
CREATE INDEX "invitations_round_idx" ON "invitations" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "replacements_in_uq" ON "replacements" USING btree ("round_id","in_uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "replacements_out_uq" ON "replacements" USING btree ("round_id","out_uscc");