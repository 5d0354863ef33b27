ALTER TABLE "rounds" ADD COLUMN "official_ranking" text DEFAULT 'unweighted' NOT NULL;
--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_official_ranking_ck" CHECK ("rounds"."official_ranking" in ('unweighted', 'weighted'));
