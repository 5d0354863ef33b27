ALTER TABLE "enterprises" ADD COLUMN "contact_email" text;
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "sms_opted_out_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "contact_plan" jsonb DEFAULT '{"invitation":true,"reminderDays":[3,7],"finalReminder":true}'::jsonb NOT NULL;
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"invitation_id" integer NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"gateway_id" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_channel_ck" CHECK ("outbox_messages"."channel" in ('sms', 'email')),
	CONSTRAINT "outbox_messages_kind_ck" CHECK ("outbox_messages"."kind" in ('invitation', 'reminder', 'final_reminder')),
	CONSTRAINT "outbox_messages_status_ck" CHECK ("outbox_messages"."status" in ('queued', 'sent', 'delivered', 'failed', 'refused')),
	CONSTRAINT "outbox_messages_attempts_ck" CHECK ("outbox_messages"."attempts" >= 0),
	CONSTRAINT "outbox_messages_lock_ck" CHECK (("outbox_messages"."locked_by" is null) = ("outbox_messages"."locked_until" is null)),
	CONSTRAINT "outbox_messages_sent_ck" CHECK ("outbox_messages"."status" in ('queued', 'failed', 'refused') or "outbox_messages"."sent_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_one_a_day_uq" ON "outbox_messages" USING btree ("invitation_id","channel","day");
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_one_invitation_uq" ON "outbox_messages" USING btree ("invitation_id","channel") WHERE "outbox_messages"."kind" = 'invitation';
--> statement-breakpoint
CREATE INDEX "outbox_messages_round_idx" ON "outbox_messages" USING btree ("round_id");
--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" USING btree ("due_at") WHERE "outbox_messages"."status" in ('queued', 'failed');
--> statement-breakpoint
CREATE INDEX "outbox_messages_gateway_idx" ON "outbox_messages" USING btree ("channel","gateway_id");
