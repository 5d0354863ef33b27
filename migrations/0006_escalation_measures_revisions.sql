CREATE TYPE "public"."escalation_level" AS ENUM('pledge', 'admonishment', 'reassignment');--> statement-breakpoint
ALTER TYPE "public"."escalation_status" ADD VALUE 'on_hold' BEFORE 'done';--> statement-breakpoint
CREATE TABLE "escalation_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"escalation_id" integer NOT NULL,
	"measure" "escalation_level" NOT NULL,
	"status" "escalation_status" DEFAULT 'pending' NOT NULL,
	"scheduled_for" date,
	"done_at" date,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_measures_done_ck" CHECK ("escalation_measures"."status" <> 'done' or "escalation_measures"."done_at" is not null),
	CONSTRAINT "escalation_measures_scheduled_ck" CHECK ("escalation_measures"."status" <> 'scheduled' or "escalation_measures"."scheduled_for" is not null)
);
--> statement-breakpoint
DROP INDEX "escalations_round_department_uq";--> statement-breakpoint
ALTER TABLE "escalations" ALTER COLUMN "level" SET DATA TYPE "public"."escalation_level" USING "level"::"public"."escalation_level";--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "head_streak" integer;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "department_streak" integer;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "responsible_head_id" integer;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "superseded_by_id" integer;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "superseded_reason" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "needs_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "review_note" text;--> statement-breakpoint
-- Hand-written: records made under 2021-v1 keep their one level as their one measure, their streak as
-- both streaks, and name the head they were applied to when the name matches a tenure.
UPDATE "escalations" e SET "head_streak" = e."streak", "department_streak" = e."streak",
  "responsible_head_id" = (SELECT h."id" FROM "department_heads" h WHERE h."department_id" = e."department_id" AND h."name" = e."head_name" ORDER BY h."since" DESC LIMIT 1);--> statement-breakpoint
ALTER TABLE "escalations" ALTER COLUMN "head_streak" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ALTER COLUMN "department_streak" SET NOT NULL;--> statement-breakpoint
INSERT INTO "escalation_measures" ("escalation_id", "measure", "status", "scheduled_for", "done_at", "updated_at")
  SELECT "id", "level", "status", CASE WHEN "status" = 'scheduled' THEN coalesce("scheduled_for", "created_at"::date) ELSE "scheduled_for" END,
    CASE WHEN "status" = 'done' THEN coalesce("done_at", "updated_at"::date) ELSE "done_at" END, "updated_at" FROM "escalations";--> statement-breakpoint
-- Hand-written: a record withdrawn by an earlier correction is superseded, with that reason.
UPDATE "escalations" SET "superseded_at" = "updated_at", "superseded_reason" = '结果更正后不再列入倒数（Withdrawn after a correction）' WHERE "status" = 'withdrawn';--> statement-breakpoint
ALTER TABLE "escalation_measures" ADD CONSTRAINT "escalation_measures_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_measures_uq" ON "escalation_measures" USING btree ("escalation_id","measure");--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_responsible_head_id_department_heads_id_fk" FOREIGN KEY ("responsible_head_id") REFERENCES "public"."department_heads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_superseded_by_id_escalations_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_round_department_current_uq" ON "escalations" USING btree ("round_id","department_id") WHERE "escalations"."superseded_at" is null;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_streaks_ck" CHECK ("escalations"."head_streak" >= 1 and "escalations"."department_streak" >= "escalations"."head_streak" and "escalations"."streak" >= 1);--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_superseded_reason_ck" CHECK (("escalations"."superseded_at" is null) = ("escalations"."superseded_reason" is null));