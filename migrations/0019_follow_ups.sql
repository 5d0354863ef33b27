CREATE TABLE "follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"invitation_id" integer NOT NULL,
	"channel" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"phone" text,
	"created_by" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_ups_channel_ck" CHECK ("follow_ups"."channel" in ('phone', 'visit', 'sms', 'other')),
	CONSTRAINT "follow_ups_outcome_ck" CHECK ("follow_ups"."outcome" in ('reminded', 'refused', 'unreachable', 'ineligible', 'wrong_number')),
	CONSTRAINT "follow_ups_note_ck" CHECK ("follow_ups"."note" is null or char_length("follow_ups"."note") between 1 and 500),
	CONSTRAINT "follow_ups_phone_ck" CHECK ("follow_ups"."phone" is null or char_length("follow_ups"."phone") between 1 and 40)
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_ups_invitation_idx" ON "follow_ups" USING btree ("invitation_id");
