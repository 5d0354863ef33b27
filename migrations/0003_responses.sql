CREATE TYPE "public"."rating_level" AS ENUM('satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable');--> statement-breakpoint
CREATE TABLE "least_satisfied_votes" (
	"response_id" uuid NOT NULL,
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	CONSTRAINT "least_satisfied_votes_response_id_department_id_pk" PRIMARY KEY("response_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"response_id" uuid NOT NULL,
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	"level" "rating_level" NOT NULL,
	"comment" text,
	CONSTRAINT "ratings_response_id_department_id_pk" PRIMARY KEY("response_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"day" date NOT NULL,
	"industry" text,
	"size_class" text,
	"township" text,
	"comment" text,
	"receipt_hash" text NOT NULL,
	CONSTRAINT "responses_receipt_hash_unique" UNIQUE("receipt_hash")
);
--> statement-breakpoint
ALTER TABLE "least_satisfied_votes" ADD CONSTRAINT "least_satisfied_votes_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "votes_round_idx" ON "least_satisfied_votes" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "ratings_round_department_idx" ON "ratings" USING btree ("round_id","department_id");--> statement-breakpoint
CREATE INDEX "responses_round_idx" ON "responses" USING btree ("round_id");