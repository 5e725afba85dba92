-- Bulk imports (POST /api/v1/imports): one row per import job and one per item result.
-- The request body is spooled to a temporary file of the process that received it; a job that
-- process can no longer run (it died) is failed by the heartbeat sweep (failure_code INTERRUPTED).

create table import_job (
  id                uuid primary key,
  owner             text not null,
  import_type       text not null,
  mode              text not null check (mode in ('ATOMIC', 'PER_ITEM')),
  dry_run           boolean not null,
  async             boolean not null,
  status            text not null
                    check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
  idem_key          text check (length(idem_key) between 1 and 200),
  request_hash      text not null,
  total             int not null check (total >= 0),
  processed         int not null default 0,
  created           int not null default 0,
  updated           int not null default 0,
  unchanged         int not null default 0,
  errors            int not null default 0,
  cancel_requested  boolean not null default false,
  failure_code      text,
  created_at        timestamptz not null default now(),
  started_at        timestamptz,
  finished_at       timestamptz,
  heartbeat_at      timestamptz not null default now(),
  version           bigint not null default 0
);

-- one import per (caller, Idempotency-Key): a retry finds the job it started
create unique index import_job_idem on import_job (owner, idem_key) where idem_key is not null;
-- the heartbeat sweep looks at unfinished jobs only
create index import_job_active on import_job (heartbeat_at) where status in ('QUEUED', 'RUNNING');

create table import_item (
  import_id   uuid not null references import_job (id) on delete cascade,
  idx         int not null check (idx >= 0),
  outcome     text not null check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'ERROR')),
  record_id   uuid,
  code        text,
  errors      jsonb,
  primary key (import_id, idx)
);

-- GET …/results?status=ERROR walks the errors of one import by index
create index import_item_errors on import_item (import_id, idx) where outcome = 'ERROR';
