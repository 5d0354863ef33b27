-- The integrity check of a round's answers, made once when the round closes (the answers are then as
-- they will be computed from): computing the results copies it instead of reading every answer again.
-- Deleted when the round reopens. Aggregates only: no answer, response id or enterprise.
CREATE TABLE "round_integrity" (
	"round_id" text PRIMARY KEY NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "round_integrity" ADD CONSTRAINT "round_integrity_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Rate-limit counters live a minute: unlogged, so counting a survey request waits for no WAL flush (its
-- submission's own commit is the one that must be durable) and no HMAC of a link or address reaches the
-- WAL, its archives or a standby. A PostgreSQL crash forgets the last minute's counts.
ALTER TABLE "rate_limits" SET UNLOGGED;
