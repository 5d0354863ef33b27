CREATE TABLE "jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_done_at" timestamp with time zone,
	CONSTRAINT "jobs_lock_ck" CHECK (("jobs"."locked_by" is null) = ("jobs"."locked_until" is null)),
	CONSTRAINT "jobs_attempts_ck" CHECK ("jobs"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limits_hits_ck" CHECK ("rate_limits"."hits" >= 1)
);
--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"book" text NOT NULL,
	"key" text NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	"last_failure" timestamp with time zone NOT NULL,
	CONSTRAINT "login_failures_book_key_pk" PRIMARY KEY("book","key"),
	CONSTRAINT "login_failures_book_ck" CHECK ("login_failures"."book" in ('account', 'device')),
	CONSTRAINT "login_failures_failures_ck" CHECK ("login_failures"."failures" >= 1)
);
