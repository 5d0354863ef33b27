-- Issue 21, items 5 and 6. The admin reads invitations' *reported* state, copied from the true state only
-- in batches of at least 5 submissions (or at close); requests wait unreleased (no time, no due) until a
-- batch; a keyed counter limits the requests one receipt raises per round.
ALTER TABLE "invitations" ADD COLUMN "opened_on" date;
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reported_status" "invitation_status" DEFAULT 'not_opened' NOT NULL;
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reported_opened_on" date;
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reported_submitted_on" date;
--> statement-breakpoint
UPDATE "invitations" SET "opened_on" = ("opened_at" at time zone 'Asia/Shanghai')::date WHERE "opened_at" IS NOT NULL;
--> statement-breakpoint
UPDATE "invitations" SET "reported_status" = "status", "reported_opened_on" = "opened_on", "reported_submitted_on" = "submitted_at";
--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "raised_at" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "due_at" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_held_ck" CHECK (("requests"."raised_at" is null) = ("requests"."due_at" is null) and ("requests"."raised_at" is not null or "requests"."first_reply_at" is null));
--> statement-breakpoint
CREATE TABLE "request_receipt_uses" (
	"key" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"uses" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_receipt_uses_uses_ck" CHECK ("request_receipt_uses"."uses" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "request_receipt_uses" ADD CONSTRAINT "request_receipt_uses_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "request_receipt_uses_round_idx" ON "request_receipt_uses" USING btree ("round_id");
