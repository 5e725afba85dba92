package vn.danvan.shared.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of the idempotency records ({@code idempotency_record}) and of the lock timeout. */
@ApplicationScoped
class IdempotencyRepository {

  /** A stored record of (principal, key). */
  record StoredResponse(String hash, String state, Integer status, String headers, byte[] body) {}

  @Inject EntityManager em;

  /** Sends the pending changes of the action, so that their failures surface before recording. */
  void flush() {
    em.flush();
  }

  /** The transaction's {@code lock_timeout} setting. */
  String lockTimeout() {
    return (String)
        em.createNativeQuery("select current_setting('lock_timeout')").getSingleResult();
  }

  /** Sets {@code lock_timeout} for the rest of the transaction. */
  void setLockTimeout(String value) {
    em.createNativeQuery("select set_config('lock_timeout', :v, true)")
        .setParameter("v", value)
        .getSingleResult();
  }

  /** Deletes the record of (principal, key) if it is older than {@code retention}. */
  void deleteExpired(String principal, String key, Duration retention) {
    em.createNativeQuery(
            "delete from idempotency_record where principal = :p and idem_key = :k"
                + " and created_at < now() - make_interval(secs => :ret)")
        .setParameter("p", principal)
        .setParameter("k", key)
        .setParameter("ret", (double) retention.toSeconds())
        .executeUpdate();
  }

  /**
   * Inserts an {@code IN_PROGRESS} record; false when the key is taken (waits for a concurrent
   * uncommitted insert first).
   */
  boolean insertInProgress(String principal, String key, String path, String hash) {
    return em.createNativeQuery(
                "insert into idempotency_record (principal, idem_key, method, path, request_hash, state)"
                    + " values (:p, :k, 'POST', :path, :h, 'IN_PROGRESS') on conflict do nothing")
            .setParameter("p", principal)
            .setParameter("k", key)
            .setParameter("path", path)
            .setParameter("h", hash)
            .executeUpdate()
        == 1;
  }

  /** Takes over a committed {@code IN_PROGRESS} record of the same request; false if none. */
  boolean takeOver(String principal, String key, String hash) {
    return em.createNativeQuery(
                "update idempotency_record set created_at = now() where principal = :p and idem_key = :k"
                    + " and state = 'IN_PROGRESS' and request_hash = :h")
            .setParameter("p", principal)
            .setParameter("k", key)
            .setParameter("h", hash)
            .executeUpdate()
        == 1;
  }

  /** Records the response of (principal, key). */
  void complete(String principal, String key, int status, String headersJson, byte[] body) {
    em.createNativeQuery(
            "update idempotency_record set state = 'COMPLETED', status = :s, content_type = 'application/json',"
                + " headers = cast(:hd as jsonb), body = :b, completed_at = now() where principal = :p and idem_key = :k")
        .setParameter("s", status)
        .setParameter("hd", headersJson)
        .setParameter("b", body)
        .setParameter("p", principal)
        .setParameter("k", key)
        .executeUpdate();
  }

  Optional<StoredResponse> find(String principal, String key) {
    List<?> rows =
        em.createNativeQuery(
                "select request_hash, state, status, cast(headers as text), body from idempotency_record"
                    + " where principal = :p and idem_key = :k")
            .setParameter("p", principal)
            .setParameter("k", key)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new StoredResponse(
            (String) r[0],
            (String) r[1],
            r[2] == null ? null : PgTypes.intValue(r[2]),
            (String) r[3],
            (byte[]) r[4]));
  }

  /** Deletes at most {@code batch} records older than {@code retention}; returns how many. */
  int purgeExpired(Duration retention, int batch) {
    return em.createNativeQuery(
            "delete from idempotency_record where ctid in (select ctid from"
                + " idempotency_record where created_at < now() -"
                + " make_interval(secs => :ret) limit :n)")
        .setParameter("ret", (double) retention.toSeconds())
        .setParameter("n", batch)
        .executeUpdate();
  }
}
