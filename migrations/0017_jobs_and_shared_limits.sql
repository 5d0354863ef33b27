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
