-- Idempotency-Key on POST (DESIGN §8): the first response for (caller, key) is kept and replayed;
-- the same key with another request is refused. The primary key serializes concurrent retries.
create table idempotency_record (
  principal     text not null,
  idem_key      text not null check (length(idem_key) between 1 and 200),
  method        text not null,
  path          text not null,
  request_hash  text not null,
  state         text not null check (state in ('IN_PROGRESS','COMPLETED')),
  status        int,
  content_type  text,
  headers       jsonb,
  body          bytea,
  created_at    timestamptz not null default now(),
  completed_at  timestamptz,
  primary key (principal, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);
