-- Auditors read what the people of their unit did, not only what happened to their unit's records
-- (issue 9): a manager who acts as the assigning unit of a task whose lead unit has since moved to
-- another province (or a legacy task led elsewhere) left events only that province could read. The
-- actor's home unit path is recorded beside the record's unit path when the event is written; an
-- event is in an auditor's scope when either path meets it. Older events have none (unknown then).
alter table audit_event add column actor_unit_path uuid[];
create index audit_event_actor_path on audit_event using gin (actor_unit_path);
