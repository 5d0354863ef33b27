-- The audit trail refuses wholesale removal too: TRUNCATE skips row triggers, so statement-level
-- triggers refuse TRUNCATE and DELETE on the log and on its chain tip. Whoever can disable triggers
-- can still rewrite it; the supervisor's saved checkpoint (GET /api/v1/audit/checkpoint) shows that.
CREATE OR REPLACE FUNCTION audit_refuse_statement() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
