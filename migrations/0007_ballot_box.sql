CREATE TYPE "public"."breakdown_dimension" AS ENUM('township', 'industry', 'size');--> statement-breakpoint
CREATE TABLE "ballot_box" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"answer" jsonb NOT NULL,
	"receipt_hash" text,
	CONSTRAINT "ballot_box_receipt_hash_unique" UNIQUE("receipt_hash")
);
--> statement-breakpoint
CREATE TABLE "breakdown_groups" (
	"round_id" text NOT NULL,
	"dimension" "breakdown_dimension" NOT NULL,
	"value" text NOT NULL,
	"respondents" integer NOT NULL,
	CONSTRAINT "breakdown_groups_round_id_dimension_value_pk" PRIMARY KEY("round_id","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "breakdown_tallies" (
	"round_id" text NOT NULL,
	"dimension" "breakdown_dimension" NOT NULL,
	"value" text NOT NULL,
	"department_id" integer NOT NULL,
	"level" "rating_level" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "breakdown_tallies_round_id_dimension_value_department_id_level_pk" PRIMARY KEY("round_id","dimension","value","department_id","level")
);
--> statement-breakpoint
-- Plaintext drafts cannot be sealed without their tokens, which the server never had: they go.
UPDATE "invitations" SET "draft" = NULL, "draft_saved_at" = NULL WHERE "draft" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "draft" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "submitted_at" SET DATA TYPE date USING ("submitted_at" AT TIME ZONE 'Asia/Shanghai')::date;--> statement-breakpoint
ALTER TABLE "responses" ALTER COLUMN "receipt_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "answers_vacuum_due" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ballot_box" ADD CONSTRAINT "ballot_box_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakdown_groups" ADD CONSTRAINT "breakdown_groups_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakdown_tallies" ADD CONSTRAINT "breakdown_tallies_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakdown_tallies" ADD CONSTRAINT "breakdown_tallies_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_box_round_idx" ON "ballot_box" USING btree ("round_id");--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "day";--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "industry";--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "size_class";--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "township";--> statement-breakpoint
ALTER TABLE "ballot_box" ADD CONSTRAINT "ballot_box_receipt_hash_sha256" CHECK ("receipt_hash" ~ '^[0-9a-f]{64}$');--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_receipt_hash_sha256" CHECK ("receipt_hash" ~ '^[0-9a-f]{64}$');--> statement-breakpoint
ALTER TABLE "breakdown_groups" ADD CONSTRAINT "breakdown_groups_respondents_positive" CHECK ("respondents" > 0);--> statement-breakpoint
ALTER TABLE "breakdown_tallies" ADD CONSTRAINT "breakdown_tallies_n_positive" CHECK ("n" > 0);--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_draft_sealed" CHECK ("draft" IS NULL OR "draft" ~ '^v1\.[A-Za-z0-9_-]+$');
--> statement-breakpoint
-- Answers stored before the ballot box lose their submission order now: rewritten in random order
-- under new ids, in a savepoint so that they do not carry this migration's transaction id either.
SAVEPOINT shuffle_answers;--> statement-breakpoint
CREATE TEMP TABLE shuffle_responses ON COMMIT DROP AS SELECT id AS old_id, gen_random_uuid() AS new_id, round_id, comment, receipt_hash FROM responses;--> statement-breakpoint
CREATE TEMP TABLE shuffle_ratings ON COMMIT DROP AS SELECT m.new_id, r.round_id, r.department_id, r.level, r.comment FROM ratings r JOIN shuffle_responses m ON m.old_id = r.response_id;--> statement-breakpoint
CREATE TEMP TABLE shuffle_votes ON COMMIT DROP AS SELECT m.new_id, v.round_id, v.department_id FROM least_satisfied_votes v JOIN shuffle_responses m ON m.old_id = v.response_id;--> statement-breakpoint
DELETE FROM least_satisfied_votes;--> statement-breakpoint
DELETE FROM ratings;--> statement-breakpoint
DELETE FROM responses;--> statement-breakpoint
INSERT INTO responses (id, round_id, comment, receipt_hash) SELECT new_id, round_id, comment, receipt_hash FROM shuffle_responses ORDER BY gen_random_uuid();--> statement-breakpoint
INSERT INTO ratings (response_id, round_id, department_id, level, comment) SELECT new_id, round_id, department_id, level, comment FROM shuffle_ratings ORDER BY gen_random_uuid();--> statement-breakpoint
INSERT INTO least_satisfied_votes (response_id, round_id, department_id) SELECT new_id, round_id, department_id FROM shuffle_votes ORDER BY gen_random_uuid();--> statement-breakpoint
DROP TABLE shuffle_responses, shuffle_ratings, shuffle_votes;--> statement-breakpoint
RELEASE SAVEPOINT shuffle_answers;
