ALTER TABLE "rounds" ADD COLUMN "finalized_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "rounds" SET "finalized_at" = coalesce((SELECT min("round_results"."computed_at") FROM "round_results" WHERE "round_results"."round_id" = "rounds"."id"), "rounds"."published_at", "rounds"."updated_at")
WHERE "rounds"."status" = 'published' OR ("rounds"."status" IN ('closed', 'voided') AND EXISTS (SELECT 1 FROM "round_results" WHERE "round_results"."round_id" = "rounds"."id"));
--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_finalized_status_ck" CHECK ("rounds"."finalized_at" is null or "rounds"."status" in ('closed', 'published', 'voided'));
--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_published_final_ck" CHECK ("rounds"."status" <> 'published' or "rounds"."finalized_at" is not null);
