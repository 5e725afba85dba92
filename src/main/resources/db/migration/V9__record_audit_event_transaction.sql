-- Every change-log entry must have its audit event written by the same transaction (issue 9):
-- audit events now record the writing transaction's id, as change_log does, so that this can be
-- checked. Events written before this migration have no transaction id (null: not known); the
-- column is added without a default first so that they are not all stamped with this migration's.
alter table audit_event add column txid xid8;
alter table audit_event alter column txid set default pg_current_xact_id();
