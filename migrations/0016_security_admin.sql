ALTER TYPE "public"."role" ADD VALUE 'security';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "own_password_since" timestamp with time zone;--> statement-breakpoint
UPDATE "users" u SET "own_password_since" = coalesce((SELECT max(a."at") FROM "audit_log" a WHERE a."action" = 'auth.password_change' AND a."entity_id" = u."id"::text), u."created_at") WHERE NOT u."must_change_password";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_one_time_password_not_own" CHECK (not "users"."must_change_password" or "users"."own_password_since" is null);
