CREATE TABLE "ledger_callbacks" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"reached" boolean NOT NULL,
	"solved" boolean,
	"satisfied" boolean,
	"note" text,
	"created_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_callbacks_reached_ck" CHECK ("ledger_callbacks"."reached" or ("ledger_callbacks"."solved" is null and "ledger_callbacks"."satisfied" is null))
);
--> statement-breakpoint
CREATE TABLE "request_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_replies_text_ck" CHECK (char_length("request_replies"."text") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"department_id" integer NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"contact" text,
	"raised_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"first_reply_at" timestamp with time zone,
	"resolved" boolean,
	"satisfied" boolean,
	"feedback_at" timestamp with time zone,
	CONSTRAINT "requests_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "requests_category_ck" CHECK ("requests"."category" in ('permit', 'inspection', 'fees', 'policy', 'service', 'other')),
	CONSTRAINT "requests_text_ck" CHECK (char_length("requests"."text") between 1 and 2000),
	CONSTRAINT "requests_contact_ck" CHECK ("requests"."contact" is null or char_length("requests"."contact") between 1 and 200),
	CONSTRAINT "requests_feedback_ck" CHECK (("requests"."resolved" is null) = ("requests"."satisfied" is null) and ("requests"."resolved" is null) = ("requests"."feedback_at" is null)),
	CONSTRAINT "requests_due_ck" CHECK ("requests"."due_at" > "requests"."raised_at")
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "callback_waiver" text;--> statement-breakpoint
ALTER TABLE "ledger_callbacks" ADD CONSTRAINT "ledger_callbacks_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_replies" ADD CONSTRAINT "request_replies_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_replies" ADD CONSTRAINT "request_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_callbacks_entry_idx" ON "ledger_callbacks" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "request_replies_request_idx" ON "request_replies" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "requests_department_idx" ON "requests" USING btree ("department_id");