CREATE TYPE "public"."appeal_status" AS ENUM('pending', 'upheld', 'rejected');--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	"filed_by" integer NOT NULL,
	"reasons" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "appeal_status" DEFAULT 'pending' NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"decision_reasons" text,
	"correction" jsonb,
	"held" jsonb,
	CONSTRAINT "appeals_decided_ck" CHECK (("appeals"."status" = 'pending') = ("appeals"."decided_at" is null) and ("appeals"."decided_at" is null) = ("appeals"."decided_by" is null) and ("appeals"."decided_at" is null) = ("appeals"."decision_reasons" is null)),
	CONSTRAINT "appeals_filed_in_time_ck" CHECK ("appeals"."filed_at" <= "appeals"."deadline")
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_round_department_uq" ON "appeals" USING btree ("round_id","department_id");--> statement-breakpoint
CREATE INDEX "appeals_status_idx" ON "appeals" USING btree ("status");