-- Official documents (DESIGN §4, Decree 30/2020/NĐ-CP) and the graph of references between them.
-- Invariants kept by the database as well as by the service:
--  * a document is issued either by a unit of the tree or by an outside body named in full, never both;
--  * (issuing unit, year of issue, series, full number) is unique: the register (sổ văn bản đi) of
--    a unit holds one number per document per calendar year, secret documents in a series apart;
--  * TL. and TUQ. signatures cite the written delegation they rest on;
--  * numbers assigned on issue come from one counter row per (unit, year, series), locked by the
--    upsert that increments it, so concurrent issuing can neither duplicate nor skip a number.
create table directive (
  id                    uuid primary key,
  type                  text not null check (type in ('NGHI_QUYET','QUYET_DINH','CHI_THI','QUY_CHE','QUY_DINH',
                          'THONG_CAO','THONG_BAO','HUONG_DAN','CHUONG_TRINH','KE_HOACH','PHUONG_AN','DE_AN',
                          'DU_AN','BAO_CAO','BIEN_BAN','TO_TRINH','HOP_DONG','CONG_DIEN','BAN_GHI_NHO',
                          'BAN_THOA_THUAN','GIAY_UY_QUYEN','GIAY_MOI','GIAY_GIOI_THIEU','GIAY_NGHI_PHEP',
                          'PHIEU_GUI','PHIEU_CHUYEN','PHIEU_BAO','KET_LUAN','CONG_VAN')),
  number                int check (number between 1 and 999999),
  symbol                text not null check (length(symbol) between 1 and 100),
  full_number           text check (length(full_number) <= 120),
  issuing_unit_id       uuid references org_unit(id),
  -- the issuing unit's ancestors (root..unit) on the issue date: scope and subtree filters
  issuing_unit_path     uuid[],
  external_issuer       text check (length(external_issuer) between 1 and 300),
  issue_date            date,
  issue_year            int generated always as (extract(year from issue_date)::int) stored,
  place                 text check (length(place) <= 100),
  title                 text not null check (length(title) between 1 and 2000),
  body                  text,
  signer_name           text check (length(signer_name) <= 200),
  signer_title          text check (length(signer_title) <= 200),
  signing_authority     text not null check (signing_authority in ('DIRECT','TM','KT','Q','TL','TUQ')),
  delegation_reference  text check (length(delegation_reference) <= 300),
  urgency               text not null check (urgency in ('NORMAL','URGENT','VERY_URGENT','FLASH')),
  secrecy               text not null check (secrecy in ('NONE','CONFIDENTIAL','SECRET','TOP_SECRET')),
  -- secret documents are numbered in a register of their own (Decree 30/2020, Art. 15)
  number_series         text generated always as (case when secrecy = 'NONE' then 'NORMAL' else 'SECRET' end) stored,
  status                text not null check (status in ('DRAFT','ISSUED','SUPERSEDED','REVOKED','EXPIRED')),
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  version               bigint not null default 0,
  check ((issuing_unit_id is null) <> (external_issuer is null)),
  check ((issuing_unit_id is null) = (issuing_unit_path is null)),
  check (signing_authority not in ('TL','TUQ') or delegation_reference is not null),
  check ((number is null) = (full_number is null)),
  check (status = 'DRAFT' or (number is not null and issue_date is not null))
);
create unique index directive_unit_number on directive (issuing_unit_id, issue_year, number_series, full_number)
  where issuing_unit_id is not null and issue_year is not null;
create unique index directive_external_number on directive (danvan_fold(external_issuer), issue_year, number_series, full_number)
  where external_issuer is not null and issue_year is not null and full_number is not null;
-- the list order: newest issue first, drafts without a date on top
create index directive_order on directive ((coalesce(issue_date, date '9999-12-31')) desc, id desc);
create index directive_unit on directive (issuing_unit_id, issue_date);
create index directive_path on directive using gin (issuing_unit_path);
create index directive_fold on directive
  using gin (danvan_fold(coalesce(full_number, '') || ' ' || title || ' ' || coalesce(body, '')) gin_trgm_ops);

-- Nơi nhận: an org unit of the tree, or a body named in words ("Thường trực Quận ủy").
create table directive_recipient (
  directive_id  uuid not null references directive(id) on delete cascade,
  position      int not null check (position >= 0),
  unit_id       uuid references org_unit(id),
  name          text check (length(name) between 1 and 300),
  purpose       text not null check (purpose in ('EXECUTE','COORDINATE','REPORT_TO','FOR_INFORMATION','ARCHIVE')),
  primary key (directive_id, position),
  check (unit_id is not null or name is not null)
);
create index directive_recipient_unit on directive_recipient (unit_id);

-- source —relation→ target: "847/KH-UBND IMPLEMENTS 246/KH-UBND". The target is a recorded document
-- or, for texts not in the system, a citation in words. IMPLEMENTS never forms a cycle (checked by
-- the service under an advisory lock).
create table directive_reference (
  id          uuid primary key,
  source_id   uuid not null references directive(id) on delete cascade,
  target_id   uuid references directive(id),
  citation    text check (length(citation) between 1 and 1000),
  relation    text not null check (relation in ('IMPLEMENTS','BASED_ON','REPLACES','AMENDS','REVOKES')),
  created_at  timestamptz not null,
  check ((target_id is null) <> (citation is null)),
  check (source_id <> target_id)
);
create unique index directive_reference_unique on directive_reference (source_id, target_id, relation)
  where target_id is not null;
create index directive_reference_source on directive_reference (source_id, relation);
create index directive_reference_target on directive_reference (target_id, relation);

-- The register's counter: the last number given by a unit in a year and series (NORMAL or SECRET).
create table directive_number_counter (
  unit_id      uuid not null references org_unit(id),
  year         int not null,
  series       text not null check (series in ('NORMAL','SECRET')),
  last_number  int not null check (last_number >= 0),
  primary key (unit_id, year, series)
);
