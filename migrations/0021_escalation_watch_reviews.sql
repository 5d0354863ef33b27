CREATE TABLE "escalation_watch_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"reviewed_by" integer NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "escalation_watch_reviews_decision_ck" CHECK ("escalation_watch_reviews"."decision" in ('confirm', 'override')),
	CONSTRAINT "escalation_watch_reviews_reason_ck" CHECK (length(trim("escalation_watch_reviews"."reason")) >= 5)
);
--> statement-breakpoint
ALTER TABLE "escalation_watch_reviews" ADD CONSTRAINT "escalation_watch_reviews_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "escalation_watch_reviews" ADD CONSTRAINT "escalation_watch_reviews_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "escalation_watch_reviews" ADD CONSTRAINT "escalation_watch_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_watch_reviews_uq" ON "escalation_watch_reviews" USING btree ("round_id","department_id");
