-- Attachments (DESIGN §3): files of any feature's records (a directive's signed copy, a task's
-- evidence, the documents a citizen hands in), kept in PostgreSQL with what was established about
-- them on upload: the media type sniffed from the content (never the client's claim), the size and
-- the SHA-256. The bytes live in their own table so that listings never read them.
create table attachment (
  id          uuid primary key,
  owner_type  text not null check (owner_type ~ '^[A-Z][A-Z_]*$'),
  owner_id    uuid not null,
  -- the unit the owner belongs to, for the audit trail and scoped reads
  unit_id     uuid references org_unit(id),
  file_name   text not null check (length(file_name) between 1 and 255),
  media_type  text not null,
  size_bytes  bigint not null check (size_bytes > 0),
  sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  description text check (length(description) <= 1000),
  created_at  timestamptz not null,
  created_by  text not null
);
create index attachment_owner on attachment (owner_type, owner_id, created_at, id);

create table attachment_content (
  attachment_id uuid primary key references attachment(id) on delete cascade,
  content       bytea not null
);
-- the bytes are already compressed formats (PDF, DOCX, images): store them as they are
alter table attachment_content alter column content set storage external;
