-- Reporting regimes (issue 11 §3): who reports what to whom, how often, and by when. A regime names
-- a published version of a report template, a frequency and its span of periods, the rules of the
-- periods' dates (the data window, one due date per level of the chain, the lock date), the unit
-- that collects the reports and the units that report to it. Periods are not stored: they are
-- reckoned from these rules and the business calendar (PeriodSchedule), and the reporting units of
-- a period are resolved on the tree of its first day. A restructuring changes no row here (see
-- ReportingRegimeTransfer): a listed unit closed by then is replaced by its successors in the
-- lineage when a period is resolved.
create table reporting_regime (
  id                    uuid primary key,
  code                  text not null check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,49}$'),
  name                  text not null check (length(name) between 1 and 500),
  template_id           uuid not null references report_template(id),
  template_number       int not null check (template_number >= 1),
  frequency             text not null
    check (frequency in ('MONTHLY','QUARTERLY','SEMI_ANNUAL','NINE_MONTH','ANNUAL')),
  -- the span: the first period, the last (none: open-ended) and their calendar days
  first_period          text not null,
  last_period           text,
  starts_on             date not null,
  ends_on               date,
  -- the plan or directive that sets the regime (e.g. KH 847/KH-UBND); read through DirectiveService
  source_directive_id   uuid,
  -- the data window (CutOffRule), Decree 09/2019 unless the regime sets its own
  cut_off_start_months  int not null check (cut_off_start_months between -12 and 12),
  cut_off_start_day     int not null check (cut_off_start_day between 1 and 31),
  cut_off_end_months    int not null check (cut_off_end_months between -12 and 12),
  cut_off_end_day       int not null check (cut_off_end_day between 1 and 31),
  -- [{level, kind, monthsAfter, day, workingDays}], the first level to submit first
  due_dates             jsonb not null check (jsonb_typeof(due_dates) = 'array'),
  -- {kind, monthsAfter, day, workingDays}
  lock_rule             jsonb not null check (jsonb_typeof(lock_rule) = 'object'),
  collecting_unit_id    uuid not null references org_unit(id),
  -- the collecting unit's ancestors (root..unit) on the first period's first day: scope and filters
  collecting_unit_path  uuid[] not null,
  -- UNITS: the listed units; CHILD_UNITS_OF_KIND / DESCENDANT_UNITS_OF_KIND: the units of a kind
  -- below reporting_of_unit_id (default the collecting unit), and the listed units besides
  reporting_targets     text not null
    check (reporting_targets in ('UNITS','CHILD_UNITS_OF_KIND','DESCENDANT_UNITS_OF_KIND')),
  reporting_kind        text,
  reporting_of_unit_id  uuid references org_unit(id),
  reporting_unit_ids    uuid[] not null default '{}',
  status                text not null check (status in ('DRAFT','ACTIVE','RETIRED')),
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  version               bigint not null default 0,
  check ((reporting_targets = 'UNITS') = (reporting_kind is null)),
  check (reporting_targets <> 'UNITS' or cardinality(reporting_unit_ids) > 0),
  check (ends_on is null or ends_on >= starts_on)
);
create unique index reporting_regime_code on reporting_regime (code);
create index reporting_regime_collecting_path on reporting_regime using gin (collecting_unit_path);
create index reporting_regime_units on reporting_regime using gin (reporting_unit_ids);
create index reporting_regime_template on reporting_regime (template_id);
create index reporting_regime_fold on reporting_regime
  using gin (danvan_fold(code || ' ' || name) gin_trgm_ops);
