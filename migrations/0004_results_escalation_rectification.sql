CREATE TYPE "public"."case_status" AS ENUM('open', 'submitted', 'returned', 'closed');--> statement-breakpoint
CREATE TYPE "public"."escalation_status" AS ENUM('pending', 'scheduled', 'done', 'withdrawn');--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"reviewer" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	"level" text NOT NULL,
	"streak" integer NOT NULL,
	"policy_version" text NOT NULL,
	"head_name" text,
	"head_title" text,
	"status" "escalation_status" DEFAULT 'pending' NOT NULL,
	"scheduled_for" date,
	"done_at" date,
	"notes" text,
	"commitment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"date" date NOT NULL,
	"enterprise" text NOT NULL,
	"issue" text NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"deadline" date NOT NULL,
	"plan" jsonb,
	"commitment" text,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"version" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"correction_reason" text,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "comments_released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_id_rectification_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rectification_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_case_id_rectification_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rectification_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_case_id_rectification_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rectification_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_results" ADD CONSTRAINT "round_results_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_round_department_uq" ON "escalations" USING btree ("round_id","department_id");--> statement-breakpoint
CREATE INDEX "ledger_case_idx" ON "ledger_entries" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "progress_case_idx" ON "progress_updates" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_round_department_uq" ON "rectification_cases" USING btree ("round_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_results_version_uq" ON "round_results" USING btree ("round_id","version");