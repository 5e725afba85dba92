-- Report consolidations (issue 11 §6): a collecting unit's consolidated report of one period of a
-- regime, computed on request and kept as numbered, immutable versions (1, 2, … per regime, period
-- and collecting unit). Each version records what fed it, so that a later resubmission, acceptance
-- or return can be detected (the version is then "stale", reckoned on read) and the figures traced:
--  * units: one entry per expected unit of the period (resolved on its first day), with its name
--    then and what it had when the version was computed:
--    {"unitId", "name", "transferredFromUnitId"|null, "submissionId"|null, "status"|null,
--     "late"|null, "versionNumber"|null, "decision"|null}; versionNumber names the frozen
--    report_submission_version that fed the consolidation (null: the unit fed nothing);
--  * indicators: one entry per indicator of the template version, in template order:
--    {"code", "value"|null, "valueCount", "missingUnitIds": [...]}; the values of each input are
--    read back from the immutable submission versions, never copied here.
create table report_consolidation (
  id                    uuid primary key,
  regime_id             uuid not null references reporting_regime(id),
  period                text not null check (period ~ '^[0-9]{4}([MQSAN][0-9]{1,2})?$'),
  collecting_unit_id    uuid not null references org_unit(id),
  -- the collecting unit's ancestors (root..unit) on the period's first day: scope filters
  collecting_unit_path  uuid[] not null,
  number                int not null check (number >= 1),
  template_id           uuid not null references report_template(id),
  template_number       int not null check (template_number >= 1),
  -- also the latest submitted versions not yet decided (else accepted versions only)
  include_submitted     boolean not null,
  units                 jsonb not null check (jsonb_typeof(units) = 'array'),
  indicators            jsonb not null check (jsonb_typeof(indicators) = 'array'),
  computed_at           timestamptz not null,
  -- the subject of the official who asked for it (as audit_event.actor)
  computed_by           text not null,
  unique (regime_id, period, collecting_unit_id, number),
  check (collecting_unit_path[array_length(collecting_unit_path, 1)] = collecting_unit_id)
);
create index report_consolidation_path on report_consolidation using gin (collecting_unit_path);
-- the figures of a unit's own report read the latest consolidation of its collecting department
create index report_consolidation_latest on report_consolidation (collecting_unit_id, period, computed_at desc);
