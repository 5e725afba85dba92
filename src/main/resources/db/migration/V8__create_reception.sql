-- Citizen reception (DESIGN §7; Law on Citizen Reception 2013, Circular 04/2021/TT-TTCP; Law on
-- Complaints 2011; Law on Denunciations 2018; Decree 13/2023 on personal data).
-- Invariants kept by the database as well as by the service:
--  * visitors' personal data never sits in plaintext: it is AES-GCM ciphertext (key id inside),
--    and ID numbers are findable only through a keyed hash (HMAC), never by scanning;
--  * a denouncer's identity is stored apart (reception_protected_identity), never in the visit row;
--  * group visits name 1–2 representatives (5–10 people) or at most 5 (more than 10);
--  * transferred and refused visits say where to and why.

create table reception_session (
  id            uuid primary key,
  unit_id       uuid not null references org_unit(id),
  -- the unit's ancestors (root..unit) when recorded: scope and subtree filters
  unit_path     uuid[] not null,
  kind          text not null check (kind in ('REGULAR','PERIODIC_HEAD','AD_HOC','DIALOGUE')),
  session_date  date not null,
  venue         text check (length(venue) <= 300),
  host_name     text not null check (length(host_name) between 1 and 200),
  host_title    text check (length(host_title) <= 200),
  host_role     text not null check (host_role in ('HEAD','DEPUTY_DELEGATED','OFFICER')),
  officials     jsonb not null default '[]',
  note          text check (length(note) <= 2000),
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  version       bigint not null default 0
);
create index reception_session_unit_date on reception_session (unit_id, session_date);
create index reception_session_path on reception_session using gin (unit_path);
-- head-of-unit compliance reads only these
create index reception_session_head on reception_session (unit_id, session_date)
  where host_role in ('HEAD','DEPUTY_DELEGATED');

create table reception_case (
  id                   uuid primary key,
  unit_id              uuid not null references org_unit(id),
  unit_path            uuid[] not null,
  kind                 text not null check (kind in ('COMPLAINT','DENUNCIATION','PETITION','FEEDBACK')),
  field                text not null,
  title                text not null check (length(title) between 1 and 500),
  instance             text not null check (instance in ('FIRST','SECOND')),
  status               text not null check (status in ('RECEIVED','ACCEPTED','RESOLVED','CLOSED','TRANSFERRED')),
  complex              boolean not null default false,
  very_complex         boolean not null default false,
  remote_area          boolean not null default false,
  complex_prolonged    boolean not null default false,
  bypassing_levels     boolean not null default false,
  group_case           boolean not null default false,
  received_date        date not null,
  accepted_date        date,
  resolved_date        date,
  resolution_decision  text check (length(resolution_decision) <= 300),
  -- [{decisionReference, decisionDate, days}] in order: a denunciation's extensions by decision
  extensions           jsonb not null default '[]',
  transferred_to       text check (length(transferred_to) <= 300),
  closed_date          date,
  -- computed from the rules in force when the case last changed (statistics count overdue by them)
  acceptance_due_date  date,
  resolution_due_date  date,
  personal_data_erased_at timestamptz,
  created_at           timestamptz not null,
  updated_at           timestamptz not null,
  version              bigint not null default 0,
  check (status <> 'TRANSFERRED' or transferred_to is not null),
  check (kind <> 'DENUNCIATION' or not (complex and very_complex))
);
create index reception_case_unit on reception_case (unit_id, received_date);
create index reception_case_path on reception_case using gin (unit_path);
create index reception_case_order on reception_case (received_date desc, id desc);
create index reception_case_retention on reception_case (closed_date) where status = 'CLOSED' and personal_data_erased_at is null;

create table reception_visit (
  id                    uuid primary key,
  session_id            uuid references reception_session(id),
  unit_id               uuid not null references org_unit(id),
  unit_path             uuid[] not null,
  received_at           timestamptz not null,
  -- the business day in Asia/Ho_Chi_Minh: statistics and the book group by it
  received_date         date not null,
  content_kind          text not null check (content_kind in ('COMPLAINT','DENUNCIATION','PETITION','FEEDBACK')),
  field                 text not null check (field in ('LAND','COMPENSATION_RESETTLEMENT','SOCIAL_POLICY',
                          'JUSTICE','CORRUPTION','PUBLIC_SERVICE_ATTITUDE','OTHER')),
  summary               text not null check (length(summary) between 1 and 4000),
  group_size            int not null check (group_size between 1 and 100000),
  representatives       int not null check (representatives >= 0),
  anonymous             boolean not null default false,
  previously_handled_by text check (length(previously_handled_by) <= 300),
  outcome               text check (outcome in ('ACCEPTED_FOR_RESOLUTION','RETURNED_WITH_GUIDANCE','TRANSFERRED',
                          'ANSWERED_DIRECTLY','REFUSED')),
  transfer_target       text check (length(transfer_target) <= 300),
  refusal_reason        text check (length(refusal_reason) <= 1000),
  follow_up             text check (length(follow_up) <= 2000),
  case_id               uuid references reception_case(id),
  -- AES-GCM ciphertext of the visitors (never of a denouncer: see reception_protected_identity)
  visitor_data          bytea,
  personal_data_erased_at timestamptz,
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  version               bigint not null default 0,
  check (content_kind <> 'DENUNCIATION' or visitor_data is null),
  check (anonymous = false or content_kind = 'DENUNCIATION'),
  check (group_size < 5 or (group_size <= 10 and representatives between 1 and 2)
         or (group_size > 10 and representatives between 1 and 5) or personal_data_erased_at is not null),
  check (outcome is distinct from 'TRANSFERRED' or transfer_target is not null),
  check (outcome is distinct from 'REFUSED' or refusal_reason is not null)
);
create index reception_visit_order on reception_visit (received_at desc, id desc);
create index reception_visit_unit on reception_visit (unit_id, received_at desc, id desc);
create index reception_visit_path on reception_visit using gin (unit_path);
create index reception_visit_date on reception_visit (received_date);
create index reception_visit_case on reception_visit (case_id, received_at);
create index reception_visit_session on reception_visit (session_id);
create index reception_visit_fold on reception_visit using gin (danvan_fold(summary) gin_trgm_ops);

-- The denouncer's identity (Law on Denunciations 2018, Art. 47): apart from the visit, encrypted,
-- read only through the audited protected-identity request.
create table reception_protected_identity (
  visit_id    uuid primary key references reception_visit(id) on delete cascade,
  data        bytea not null,
  created_at  timestamptz not null
);

-- Keyed hashes (HMAC-SHA-256) of visitors' ID numbers: exact lookups for repeat visits without
-- ever decrypting or scanning.
create table reception_identity_hash (
  visit_id  uuid not null references reception_visit(id) on delete cascade,
  id_hash   bytea not null,
  primary key (visit_id, id_hash)
);
create index reception_identity_hash_hash on reception_identity_hash (id_hash);
