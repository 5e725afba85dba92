package vn.danvan.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.security.CurrentUser;

/**
 * SQL of the webhook subscriptions and deliveries, and the change feed as the relay reads it
 * (through the functions {@code danvan_feed_horizon} and {@code danvan_feed_entries} of V28, never
 * {@code change_log} itself).
 */
@ApplicationScoped
class WebhookRepository {

  /** Binds "no unit" (SQL functions take null; a null parameter has no type to bind). */
  private static final UUID NONE = new UUID(0, 0);

  private static final String SUBSCRIPTION_COLUMNS =
      "s.id, s.url, s.event_types, s.org_unit_id, s.org_unit_mode, s.description, s.secret,"
          + " s.owner_username, s.owner_roles, s.owner_unit_id, s.owner_source_system,"
          + " cast(s.cursor_txid as text), s.cursor_seq, s.created_at, s.version";

  private static final String DELIVERY_COLUMNS =
      "d.id, d.ord, d.subscription_id, d.event_id, d.entity_type, d.entity_id, d.operation,"
          + " d.entity_version, d.unit_id, d.changed_at, d.status, d.attempts, d.next_attempt_at,"
          + " d.last_attempt_at, d.last_status_code, d.last_error, d.delivered_at, d.created_at";

  /** A subscription row, its owner as the principal the relay and workers act as. */
  record Subscription(
      UUID id,
      String url,
      List<String> eventTypes,
      UUID orgUnitId,
      OrgUnitMode orgUnitMode,
      String description,
      byte[] secret,
      CurrentUser.Principal owner,
      String cursorTxid,
      long cursorSeq,
      Instant createdAt,
      long version) {}

  /** A delivery row. */
  record Delivery(
      UUID id,
      long ord,
      UUID subscriptionId,
      String eventId,
      String entityType,
      UUID entityId,
      String operation,
      Long entityVersion,
      UUID unitId,
      Instant changedAt,
      WebhookDeliveryStatus status,
      int attempts,
      Instant nextAttemptAt,
      Instant lastAttemptAt,
      Integer lastStatusCode,
      String lastError,
      Instant deliveredAt,
      Instant createdAt) {}

  @Inject EntityManager em;

  // ------------------------------------------------------------------ subscriptions

  /**
   * Inserts a subscription whose cursor starts at its own transaction: it receives the changes of
   * this transaction and of every transaction that writes after it.
   */
  void insert(Subscription s) {
    em.createNativeQuery(
            "insert into webhook_subscription (id, url, event_types, org_unit_id, org_unit_mode,"
                + " description, secret, owner_username, owner_roles, owner_unit_id,"
                + " owner_source_system, cursor_txid, cursor_seq, created_at, version)"
                + " values (:id, :url, cast(:types as text[]), :unit, :mode, :description, :secret,"
                + " :owner, cast(:roles as text[]), :ownerUnit, :ownerSource, pg_current_xact_id(),"
                + " 0, :createdAt, 0)")
        .setParameter("id", s.id())
        .setParameter("url", s.url())
        .setParameter("types", s.eventTypes().toArray(String[]::new))
        .setParameter("unit", s.orgUnitId())
        .setParameter("mode", s.orgUnitMode() == null ? null : s.orgUnitMode().name())
        .setParameter("description", s.description())
        .setParameter("secret", s.secret())
        .setParameter("owner", s.owner().username())
        .setParameter("roles", s.owner().roles().toArray(String[]::new))
        .setParameter("ownerUnit", s.owner().homeUnitId())
        .setParameter("ownerSource", s.owner().sourceSystem())
        .setParameter("createdAt", PgTypes.timestamp(s.createdAt()))
        .executeUpdate();
  }

  Subscription find(UUID id) {
    List<Subscription> rows =
        subscriptions(
            em.createNativeQuery(
                    "select "
                        + SUBSCRIPTION_COLUMNS
                        + " from webhook_subscription s where s.id = :id")
                .setParameter("id", id)
                .getResultList());
    return rows.isEmpty() ? null : rows.get(0);
  }

  List<Subscription> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return subscriptions(
        em.createNativeQuery(
                "select "
                    + SUBSCRIPTION_COLUMNS
                    + " from webhook_subscription s where s.id = any(cast(:ids as uuid[]))")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .getResultList());
  }

  /** Locks a subscription for the relay; null when another relay holds it (or it is gone). */
  Subscription lockForRelay(UUID id) {
    List<Subscription> rows =
        subscriptions(
            em.createNativeQuery(
                    "select "
                        + SUBSCRIPTION_COLUMNS
                        + " from webhook_subscription s where s.id = :id for update skip locked")
                .setParameter("id", id)
                .getResultList());
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Locks a subscription, waiting for a relay that holds it (a replay). */
  Subscription lock(UUID id) {
    List<Subscription> rows =
        subscriptions(
            em.createNativeQuery(
                    "select "
                        + SUBSCRIPTION_COLUMNS
                        + " from webhook_subscription s where s.id = :id for update")
                .setParameter("id", id)
                .getResultList());
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * One page of subscriptions by (created_at, id), of {@code owner} (null: everyone's), after the
   * given keys when present.
   */
  List<Subscription> page(String owner, Instant afterCreated, UUID afterId, int fetch) {
    SqlWhere where = new SqlWhere().addIfPresent("s.owner_username = :owner", "owner", owner);
    if (afterCreated != null) {
      where
          .add("(s.created_at, s.id) > (:afterCreated, :afterId)")
          .param("afterCreated", PgTypes.timestamp(afterCreated))
          .param("afterId", afterId);
    }
    return subscriptions(
        where
            .bind(
                em.createNativeQuery(
                    "select "
                        + SUBSCRIPTION_COLUMNS
                        + " from webhook_subscription s where "
                        + where.sql()
                        + " order by s.created_at, s.id limit :fetch"))
            .setParameter("fetch", fetch)
            .getResultList());
  }

  /** Ids of every subscription, for the relay. */
  List<UUID> ids() {
    List<?> rows =
        em.createNativeQuery("select s.id from webhook_subscription s order by s.created_at")
            .getResultList();
    return rows.stream().map(PgTypes::uuid).toList();
  }

  void delete(UUID id) {
    em.createNativeQuery("delete from webhook_subscription where id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  /** Moves the cursor to a feed position. */
  void moveCursor(UUID id, String txid, long seq) {
    em.createNativeQuery(
            "update webhook_subscription set cursor_txid = cast(:tx as xid8), cursor_seq = :seq"
                + " where id = :id")
        .setParameter("tx", txid)
        .setParameter("seq", seq)
        .setParameter("id", id)
        .executeUpdate();
  }

  // ------------------------------------------------------------------ relay

  /** The feed's safe horizon now: every transaction before it has ended. */
  String horizon() {
    return em.createNativeQuery("select cast(danvan_feed_horizon() as text)")
        .getSingleResult()
        .toString();
  }

  /** The outcome of one relay step: rows written and the cursor after them. */
  record RelayStep(int written, String txid, long seq) {}

  /**
   * Turns up to {@code limit} feed entries after the subscription's cursor (below {@code horizon},
   * of its types, its unit filter, under {@code roots} — null: unrestricted) into PENDING
   * deliveries, in feed order, and moves the cursor past them: to the last one, or to the horizon
   * when fewer than {@code limit} matched (everything below it has been read). One statement each;
   * the caller holds the subscription's lock.
   */
  RelayStep relay(Subscription s, String horizon, UUID[] roots, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "insert into webhook_delivery (id, subscription_id, event_id, feed_txid, feed_seq,"
                    + " entity_type, entity_id, operation, entity_version, unit_id, changed_at,"
                    + " status, next_attempt_at, created_at)"
                    + " select gen_random_uuid(), :sub,"
                    + " 'msg_' || md5(cast(:sub as text) || ':' || cast(e.txid as text) || ':' ||"
                    + " e.seq), e.txid, e.seq, e.entity_type, e.entity_id, e.operation,"
                    + " e.entity_version, e.unit_id, e.changed_at, 'PENDING', now(), now()"
                    + " from danvan_feed_entries(cast(:horizon as xid8), cast(:tx as xid8), :seq,"
                    + " cast(:types as text[]),"
                    + " case when :all then null else cast(:roots as uuid[]) end,"
                    + " nullif(cast(:unit as uuid), cast(:none as uuid)), :mode, :n) e"
                    + " order by e.txid, e.seq"
                    + " returning cast(feed_txid as text), feed_seq")
            .setParameter("sub", s.id())
            .setParameter("horizon", horizon)
            .setParameter("tx", s.cursorTxid())
            .setParameter("seq", s.cursorSeq())
            .setParameter("types", s.eventTypes().toArray(String[]::new))
            .setParameter("all", roots == null)
            .setParameter("roots", roots == null ? new UUID[0] : roots)
            .setParameter("unit", s.orgUnitId() == null ? NONE : s.orgUnitId())
            .setParameter("none", NONE)
            .setParameter("mode", s.orgUnitMode() == null ? "SELECTED" : s.orgUnitMode().name())
            .setParameter("n", limit)
            .getResultList();
    String tx = s.cursorTxid();
    long seq = s.cursorSeq();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      String rowTx = (String) r[0];
      long rowSeq = PgTypes.longValue(r[1]);
      int byTx = Long.compareUnsigned(Long.parseUnsignedLong(rowTx), Long.parseUnsignedLong(tx));
      if (byTx > 0 || byTx == 0 && rowSeq > seq) {
        tx = rowTx;
        seq = rowSeq;
      }
    }
    if (rows.size() < limit
        && Long.compareUnsigned(Long.parseUnsignedLong(horizon), Long.parseUnsignedLong(tx)) > 0) {
      tx = horizon;
      seq = 0;
    }
    if (!tx.equals(s.cursorTxid()) || seq != s.cursorSeq()) {
      moveCursor(s.id(), tx, seq);
    }
    return new RelayStep(rows.size(), tx, seq);
  }

  // ------------------------------------------------------------------ workers

  /**
   * Claims up to {@code n} due deliveries, each the oldest undelivered one of its subscription and
   * not claimed by a live worker, with {@code FOR UPDATE SKIP LOCKED} (two workers, two replicas
   * never take the same row): the claim counts an attempt and holds for {@code leaseMillis}.
   */
  List<Delivery> claim(int n, UUID token, long leaseMillis) {
    return claim(null, n, token, leaseMillis);
  }

  /** As {@link #claim(int, UUID, long)}, for one subscription (null: any). */
  List<Delivery> claim(UUID subscription, int n, UUID token, long leaseMillis) {
    var query =
        em.createNativeQuery(
            "with heads as (select distinct on (h.subscription_id) h.id from webhook_delivery h"
                + " where h.status in ('PENDING','FAILED')"
                + (subscription == null ? "" : " and h.subscription_id = :sub")
                + " order by h.subscription_id, h.ord),"
                + " due as (select d.id from webhook_delivery d join heads on heads.id = d.id"
                + " where d.status in ('PENDING','FAILED') and d.next_attempt_at <= now()"
                + " and (d.claimed_until is null or d.claimed_until < now())"
                + " order by d.next_attempt_at limit :n for update of d skip locked)"
                + " update webhook_delivery d set claim_token = :token, claimed_until = now()"
                + " + cast(:lease as bigint) * interval '1 millisecond', attempts = d.attempts"
                + " + 1, last_attempt_at = now() from due where d.id = due.id returning "
                + DELIVERY_COLUMNS);
    if (subscription != null) {
      query.setParameter("sub", subscription);
    }
    return deliveries(
        query
            .setParameter("n", n)
            .setParameter("token", token)
            .setParameter("lease", leaseMillis)
            .getResultList());
  }

  /**
   * Records an attempt's outcome, if the claim is still this worker's (a replay may have removed
   * the row, an expired claim may have passed to another worker).
   */
  boolean finish(
      UUID id,
      UUID token,
      WebhookDeliveryStatus status,
      Integer statusCode,
      String error,
      long retryAfterMillis) {
    return em.createNativeQuery(
                "update webhook_delivery set status = :status, claim_token = null,"
                    + " claimed_until = null, last_status_code = :code, last_error = :error,"
                    + " next_attempt_at = now() + cast(:delay as bigint) * interval '1 millisecond',"
                    + " delivered_at = case when :status = 'DELIVERED' then now() end"
                    + " where id = :id and claim_token = :token")
            .setParameter("status", status.name())
            .setParameter("code", statusCode)
            .setParameter("error", error)
            .setParameter("delay", retryAfterMillis)
            .setParameter("id", id)
            .setParameter("token", token)
            .executeUpdate()
        == 1;
  }

  // ------------------------------------------------------------------ delivery list and actions

  /** One page of a subscription's deliveries, newest first, of {@code status} (null: all). */
  List<Delivery> deliveries(
      UUID subscription, WebhookDeliveryStatus status, Long beforeOrd, int fetch) {
    SqlWhere where =
        new SqlWhere()
            .add("d.subscription_id = :sub", "sub", subscription)
            .addIfPresent("d.status = :status", "status", status == null ? null : status.name())
            .addIfPresent("d.ord < :before", "before", beforeOrd);
    return deliveries(
        where
            .bind(
                em.createNativeQuery(
                    "select "
                        + DELIVERY_COLUMNS
                        + " from webhook_delivery d where "
                        + where.sql()
                        + " order by d.ord desc limit :fetch"))
            .setParameter("fetch", fetch)
            .getResultList());
  }

  Delivery findDelivery(UUID subscription, UUID id) {
    List<Delivery> rows =
        deliveries(
            em.createNativeQuery(
                    "select "
                        + DELIVERY_COLUMNS
                        + " from webhook_delivery d where d.id = :id and d.subscription_id = :sub")
                .setParameter("id", id)
                .setParameter("sub", subscription)
                .getResultList());
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** A new PENDING delivery of the same change and event id, queued after every other. */
  Delivery copy(UUID subscription, UUID id) {
    return deliveries(
            em.createNativeQuery(
                    "insert into webhook_delivery as d (id, subscription_id, event_id, feed_txid,"
                        + " feed_seq, entity_type, entity_id, operation, entity_version, unit_id,"
                        + " changed_at, status, next_attempt_at, created_at)"
                        + " select gen_random_uuid(), o.subscription_id, o.event_id, o.feed_txid,"
                        + " o.feed_seq, o.entity_type, o.entity_id, o.operation, o.entity_version,"
                        + " o.unit_id, o.changed_at, 'PENDING', now(), now()"
                        + " from webhook_delivery o where o.id = :id and o.subscription_id = :sub"
                        + " returning "
                        + DELIVERY_COLUMNS)
                .setParameter("id", id)
                .setParameter("sub", subscription)
                .getResultList())
        .get(0);
  }

  /** Removes a subscription's undelivered rows (a replay creates them again, same event ids). */
  int deleteOpen(UUID subscription) {
    return em.createNativeQuery(
            "delete from webhook_delivery where subscription_id = :sub"
                + " and status in ('PENDING','FAILED')")
        .setParameter("sub", subscription)
        .executeUpdate();
  }

  // ------------------------------------------------------------------ mapping

  private static List<Subscription> subscriptions(List<?> rows) {
    List<Subscription> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(
          new Subscription(
              PgTypes.uuid(r[0]),
              (String) r[1],
              texts(r[2]),
              PgTypes.uuid(r[3]),
              r[4] == null ? null : OrgUnitMode.valueOf((String) r[4]),
              (String) r[5],
              (byte[]) r[6],
              new CurrentUser.Principal(
                  (String) r[7],
                  new java.util.TreeSet<>(texts(r[8])),
                  PgTypes.uuid(r[9]),
                  (String) r[10]),
              (String) r[11],
              PgTypes.longValue(r[12]),
              PgTypes.instant(r[13]),
              PgTypes.longValue(r[14])));
    }
    return out;
  }

  private static List<Delivery> deliveries(List<?> rows) {
    List<Delivery> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(
          new Delivery(
              PgTypes.uuid(r[0]),
              PgTypes.longValue(r[1]),
              PgTypes.uuid(r[2]),
              (String) r[3],
              (String) r[4],
              PgTypes.uuid(r[5]),
              (String) r[6],
              r[7] == null ? null : PgTypes.longValue(r[7]),
              PgTypes.uuid(r[8]),
              PgTypes.instant(r[9]),
              WebhookDeliveryStatus.valueOf((String) r[10]),
              PgTypes.intValue(r[11]),
              PgTypes.instant(r[12]),
              PgTypes.instant(r[13]),
              r[14] == null ? null : PgTypes.intValue(r[14]),
              (String) r[15],
              PgTypes.instant(r[16]),
              PgTypes.instant(r[17])));
    }
    return out;
  }

  private static List<String> texts(Object o) {
    return switch (o) {
      case null -> List.of();
      case String[] a -> Arrays.asList(a);
      case Object[] a -> Arrays.stream(a).map(String::valueOf).toList();
      case java.sql.Array a -> {
        try {
          yield texts(a.getArray());
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
      default -> throw new IllegalArgumentException("not a text[]: " + o.getClass());
    };
  }
}
