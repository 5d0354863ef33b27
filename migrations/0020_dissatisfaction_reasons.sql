CREATE TYPE "public"."dissatisfaction_reason" AS ENUM('slow', 'repeat_trips', 'unclear_requirements', 'policy_not_implemented', 'poor_attitude', 'improper_fees', 'other');
--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "dissatisfaction_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_dissatisfaction_reasons_ck" CHECK (jsonb_typeof("rounds"."dissatisfaction_reasons") = 'array' and jsonb_array_length("rounds"."dissatisfaction_reasons") <= 20);
--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_response_department_level_uq" ON "ratings" USING btree ("response_id","department_id","level");
--> statement-breakpoint
CREATE TABLE "rating_reasons" (
	"response_id" uuid NOT NULL,
	"round_id" text NOT NULL,
	"department_id" integer NOT NULL,
	"level" "rating_level" DEFAULT 'dissatisfied' NOT NULL,
	"reason" "dissatisfaction_reason" NOT NULL,
	CONSTRAINT "rating_reasons_response_id_department_id_reason_pk" PRIMARY KEY("response_id","department_id","reason"),
	CONSTRAINT "rating_reasons_dissatisfied_ck" CHECK ("rating_reasons"."level" = 'dissatisfied')
);
--> statement-breakpoint
ALTER TABLE "rating_reasons" ADD CONSTRAINT "rating_reasons_rating_fk" FOREIGN KEY ("response_id","department_id","level") REFERENCES "public"."ratings"("response_id","department_id","level") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "rating_reasons_round_department_idx" ON "rating_reasons" USING btree ("round_id","department_id");
