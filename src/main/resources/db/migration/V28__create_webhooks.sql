-- Outbound webhooks (issue 12 §4). The change_log row that AuditTrail writes in the same
-- transaction as every change is the outbox: a relay turns each committed change into one delivery
-- row per matching subscription, advancing the subscription's cursor in the same transaction;
-- workers then deliver each row at least once.

-- A subscriber. The owner (username, roles, home unit, source system) is stored so that the
-- relay and the workers act as the owner: a subscription sees what its creator may see.
create table webhook_subscription (
  id                  uuid primary key,
  url                 text not null,
  -- change-feed entity types; empty: every type
  event_types         text[] not null default '{}',
  org_unit_id         uuid,
  org_unit_mode       text check (org_unit_mode in ('SELECTED','CHILDREN','DESCENDANTS')),
  description         text,
  -- the signing secret (whsec_…), sealed with the personal-data key (AES-GCM, bound to the id)
  secret              bytea not null,
  owner_username      text not null,
  owner_roles         text[] not null,
  owner_unit_id       uuid,
  owner_source_system text,
  -- the feed position up to which changes have become deliveries
  cursor_txid         xid8 not null,
  cursor_seq          bigint not null default 0,
  created_at          timestamptz not null,
  version             bigint not null default 0,
  check ((org_unit_mode is null) or (org_unit_id is not null))
);
create index webhook_subscription_owner on webhook_subscription (owner_username, created_at, id);

-- One change for one subscription. ord orders the deliveries of a subscription (feed order, then
-- replays and redeliveries); a worker delivers only the oldest undelivered row of a subscription.
-- event_id is derived from (subscription, feed position): stable across retries, replays and
-- redeliveries, so consumers dedupe by it (header webhook-id).
create table webhook_delivery (
  id               uuid primary key,
  ord              bigint generated always as identity,
  subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
  event_id         text not null,
  feed_txid        xid8 not null,
  feed_seq         bigint not null,
  entity_type      text not null,
  entity_id        uuid not null,
  operation        text not null,
  entity_version   bigint,
  unit_id          uuid,
  changed_at       timestamptz not null,
  status           text not null check (status in ('PENDING','DELIVERED','FAILED','DEAD')),
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null,
  -- a worker's claim: while claimed_until lies ahead no other worker takes the row; a worker that
  -- dies leaves the claim to expire and the row is taken again
  claim_token      uuid,
  claimed_until    timestamptz,
  last_attempt_at  timestamptz,
  last_status_code int,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz not null
);
create unique index webhook_delivery_order on webhook_delivery (subscription_id, ord);
create index webhook_delivery_open on webhook_delivery (subscription_id, ord)
  where status in ('PENDING','FAILED');

-- The change feed as the webhook relay reads it: published by the owner of change_log's reader
-- side for this one consumer, so that the webhooks feature reads no other table directly.
--
-- danvan_feed_horizon(): the oldest transaction still running; every change of an older
-- transaction has committed or rolled back, so nothing can later appear below it.
create function danvan_feed_horizon() returns xid8
language sql volatile as $$
  select pg_snapshot_xmin(pg_current_snapshot())
$$;

-- danvan_feed_entries(): up to n entries of transactions before horizon, after (after_txid,
-- after_seq), in feed order, of types (empty: all), under roots (a scope's roots; null:
-- unrestricted) and, when unit is given, of that unit (SELECTED), it and its children (CHILDREN)
-- or its subtree (DESCENDANTS), with the same rules as the API's orgUnitId + orgUnitMode filters.
create function danvan_feed_entries(
  horizon xid8, after_txid xid8, after_seq bigint, types text[], roots uuid[], unit uuid,
  unit_mode text, n int)
returns table (txid xid8, seq bigint, entity_type text, entity_id uuid, operation text,
               entity_version bigint, unit_id uuid, changed_at timestamptz)
language sql stable as $$
  select c.txid, c.seq, c.entity_type, c.entity_id, c.operation, c.entity_version, c.unit_id,
         c.changed_at
    from change_log c
   where c.txid < horizon
     and (c.txid, c.seq) > (after_txid, after_seq)
     and (cardinality(types) = 0 or c.entity_type = any (types))
     and (roots is null or c.unit_path && roots)
     and (unit is null
          or case coalesce(unit_mode, 'SELECTED')
               when 'SELECTED' then c.unit_id = unit
               when 'DESCENDANTS' then c.unit_path @> array[unit]
               else c.unit_path @> array[unit]
                    and (c.unit_id = unit or c.unit_path[cardinality(c.unit_path) - 1] = unit)
             end)
   order by c.txid, c.seq
   limit n
$$;
