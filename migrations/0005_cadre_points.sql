CREATE TYPE "public"."cadre_status" AS ENUM('in_post', 'left_leadership', 'retired', 'transferred_out');--> statement-breakpoint
CREATE TYPE "public"."points_entry_source" AS ENUM('manual', 'survey');--> statement-breakpoint
CREATE TYPE "public"."points_entry_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."points_measure" AS ENUM('pledge', 'admonishment', 'reassignment');--> statement-breakpoint
CREATE TYPE "public"."cadre_rank" AS ENUM('inspector_1', 'inspector_2', 'researcher_1', 'researcher_2', 'researcher_3', 'researcher_4', 'principal_1', 'principal_2', 'principal_3', 'principal_4', 'clerk_1', 'clerk_2');--> statement-breakpoint
CREATE TYPE "public"."rule_kind" AS ENUM('award', 'deduction');--> statement-breakpoint
CREATE TYPE "public"."rule_level" AS ENUM('national', 'provincial', 'city', 'unit');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('department', 'township', 'office', 'institution');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'org';--> statement-breakpoint
CREATE TABLE "cadre_tenures" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"post" text NOT NULL,
	"rank" "cadre_rank" NOT NULL,
	"leadership" boolean NOT NULL,
	"since" date NOT NULL,
	"until" date,
	CONSTRAINT "cadre_tenures_dates_ck" CHECK ("cadre_tenures"."until" is null or "cadre_tenures"."until" >= "cadre_tenures"."since")
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" integer NOT NULL,
	"post" text NOT NULL,
	"rank" "cadre_rank" NOT NULL,
	"leadership" boolean NOT NULL,
	"status" "cadre_status" DEFAULT 'in_post' NOT NULL,
	"status_since" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadres_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "points_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"rule_version" text NOT NULL,
	"rule_code" text NOT NULL,
	"kind" "rule_kind" NOT NULL,
	"points" integer NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"evidence" text NOT NULL,
	"status" "points_entry_status" DEFAULT 'pending' NOT NULL,
	"source" "points_entry_source" DEFAULT 'manual' NOT NULL,
	"submitted_by" integer,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" integer,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"reverses_id" integer,
	"escalation_id" integer,
	"round_id" text,
	"measure" "points_measure",
	"occurrence" integer,
	CONSTRAINT "points_entries_points_ck" CHECK ("points_entries"."points" <> 0),
	CONSTRAINT "points_entries_survey_ck" CHECK (("points_entries"."source" = 'survey') = ("points_entries"."escalation_id" is not null and "points_entries"."round_id" is not null and "points_entries"."measure" is not null)),
	CONSTRAINT "points_entries_review_ck" CHECK (("points_entries"."status" = 'pending') = ("points_entries"."reviewed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "points_rulebooks" (
	"version" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"effective_from" date NOT NULL,
	"base_per_year" integer NOT NULL,
	"base_cap" integer NOT NULL,
	"sanction_months" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_rulebooks_effective_from_unique" UNIQUE("effective_from"),
	CONSTRAINT "points_rulebooks_base_ck" CHECK ("points_rulebooks"."base_per_year" >= 0 and "points_rulebooks"."base_cap" >= 0 and "points_rulebooks"."sanction_months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_rules" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"kind" "rule_kind" NOT NULL,
	"level" "rule_level",
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"points" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "points_rules_version_code_pk" PRIMARY KEY("version","code"),
	CONSTRAINT "points_rules_sign_ck" CHECK (("points_rules"."kind" = 'award' and "points_rules"."points" > 0 and "points_rules"."level" is not null) or ("points_rules"."kind" = 'deduction' and "points_rules"."points" < 0))
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"kind" "unit_kind" NOT NULL,
	"department_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code"),
	CONSTRAINT "units_department_id_unique" UNIQUE("department_id"),
	CONSTRAINT "units_department_kind_ck" CHECK (("units"."kind" = 'department') = ("units"."department_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "department_heads" ADD COLUMN "cadre_id" integer;--> statement-breakpoint
ALTER TABLE "cadre_tenures" ADD CONSTRAINT "cadre_tenures_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_tenures" ADD CONSTRAINT "cadre_tenures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_reverses_id_points_entries_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."points_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_rule_version_rule_code_points_rules_version_code_fk" FOREIGN KEY ("rule_version","rule_code") REFERENCES "public"."points_rules"("version","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rules" ADD CONSTRAINT "points_rules_version_points_rulebooks_version_fk" FOREIGN KEY ("version") REFERENCES "public"."points_rulebooks"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cadre_tenures_cadre_idx" ON "cadre_tenures" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_tenures_current_uq" ON "cadre_tenures" USING btree ("cadre_id") WHERE "cadre_tenures"."until" is null;--> statement-breakpoint
CREATE INDEX "cadres_unit_idx" ON "cadres" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "cadres_rank_idx" ON "cadres" USING btree ("rank");--> statement-breakpoint
CREATE INDEX "points_entries_cadre_idx" ON "points_entries" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "points_entries_status_idx" ON "points_entries" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_reverses_uq" ON "points_entries" USING btree ("reverses_id") WHERE "points_entries"."reverses_id" is not null and "points_entries"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_measure_uq" ON "points_entries" USING btree ("escalation_id","measure","occurrence") WHERE "points_entries"."reverses_id" is null and "points_entries"."escalation_id" is not null;--> statement-breakpoint
ALTER TABLE "department_heads" ADD CONSTRAINT "department_heads_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A rule in use is never edited: the rulebook grows by versions only.
CREATE OR REPLACE FUNCTION points_rulebook_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: add a new rulebook version instead', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER points_rulebooks_no_update_delete BEFORE UPDATE OR DELETE ON points_rulebooks
  FOR EACH ROW EXECUTE FUNCTION points_rulebook_append_only();
--> statement-breakpoint
CREATE TRIGGER points_rules_no_update_delete BEFORE UPDATE OR DELETE ON points_rules
  FOR EACH ROW EXECUTE FUNCTION points_rulebook_append_only();
--> statement-breakpoint
-- The ledger is append-only: no entry is deleted, and the only change ever made to a row is its one
-- review (pending → approved or rejected), which touches the review columns and nothing else.
CREATE OR REPLACE FUNCTION points_entries_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'points entries are never deleted: add a reversing entry';
  END IF;
  IF OLD.status <> 'pending' OR NEW.status = 'pending'
     OR (to_jsonb(NEW) - ARRAY['status','reviewed_by','reviewed_by_name','reviewed_at','review_note'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status','reviewed_by','reviewed_by_name','reviewed_at','review_note']) THEN
    RAISE EXCEPTION 'a points entry is reviewed once and otherwise never changed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER points_entries_append_only BEFORE UPDATE OR DELETE ON points_entries
  FOR EACH ROW EXECUTE FUNCTION points_entries_guard();
