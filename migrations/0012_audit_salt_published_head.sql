-- Audit entries that name the seed or the sample carry a random salt in their hashed body, hidden with
-- those fields until the draw is public, so their hash cannot be used to test guesses. Other entries
-- keep a null salt and hash exactly as before.
ALTER TABLE "audit_log" ADD COLUMN "salt" text;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_salt_ck" CHECK ("audit_log"."salt" is null or "audit_log"."salt" ~ '^[0-9a-f]{32,}$');
--> statement-breakpoint
-- The chain head (its round.publish entry) printed on a published round: verification requires it later.
ALTER TABLE "rounds" ADD COLUMN "audit_head_id" bigint;
--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "audit_head_hash" text;
--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "audit_head_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_audit_head_ck" CHECK (("rounds"."audit_head_id" is null) = ("rounds"."audit_head_hash" is null) and ("rounds"."audit_head_id" is null) = ("rounds"."audit_head_at" is null) and ("rounds"."audit_head_hash" is null or "rounds"."audit_head_hash" ~ '^[0-9a-f]{64}$'));
--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_audit_head_published_ck" CHECK ("rounds"."audit_head_id" is null or "rounds"."published_at" is not null);
