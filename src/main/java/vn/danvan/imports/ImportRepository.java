package vn.danvan.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of the import jobs ({@code import_job}) and their per-item results ({@code import_item}). */
@ApplicationScoped
class ImportRepository {

  /** One stored item result; {@code errorsJson} is a JSON array of {pointer, detail}. */
  record ItemRow(int index, ImportOutcome outcome, UUID recordId, String code, String errorsJson) {}

  private static final String COLUMNS =
      "id, owner, import_type, mode, dry_run, async, status, idem_key, request_hash, total,"
          + " processed, created, updated, unchanged, errors, cancel_requested, failure_code,"
          + " created_at, started_at, finished_at, version";

  private static final String ACTIVE = "status in ('QUEUED', 'RUNNING')";

  @Inject EntityManager em;

  /** Inserts {@code job}; false when its owner already used its Idempotency-Key. */
  boolean insert(ImportJob job) {
    return em.createNativeQuery(
                "insert into import_job (id, owner, import_type, mode, dry_run, async, status,"
                    + " idem_key, request_hash, total) values (:id, :owner, :type, :mode, :dry,"
                    + " :async, :status, :key, :hash, :total)"
                    + " on conflict (owner, idem_key) where idem_key is not null do nothing")
            .setParameter("id", job.id())
            .setParameter("owner", job.owner())
            .setParameter("type", job.type())
            .setParameter("mode", job.mode().name())
            .setParameter("dry", job.dryRun())
            .setParameter("async", job.async())
            .setParameter("status", job.status().name())
            .setParameter("key", job.idempotencyKey())
            .setParameter("hash", job.requestHash())
            .setParameter("total", job.total())
            .executeUpdate()
        == 1;
  }

  Optional<ImportJob> find(UUID id) {
    return one(
        em.createNativeQuery("select " + COLUMNS + " from import_job where id = :id")
            .setParameter("id", id));
  }

  Optional<ImportJob> findByKey(String owner, String key) {
    return one(
        em.createNativeQuery(
                "select " + COLUMNS + " from import_job where owner = :o and idem_key = :k")
            .setParameter("o", owner)
            .setParameter("k", key));
  }

  /** QUEUED → RUNNING unless cancelled meanwhile; the job after the change, if it changed. */
  Optional<ImportJob> start(UUID id) {
    return one(
        em.createNativeQuery(
                "update import_job set status = 'RUNNING', started_at = now(), heartbeat_at = now(),"
                    + " version = version + 1 where id = :id and status = 'QUEUED'"
                    + " and not cancel_requested returning "
                    + COLUMNS)
            .setParameter("id", id));
  }

  /** Stores the running counts and beats the heart. */
  void progress(UUID id, ImportCounts c) {
    em.createNativeQuery(
            "update import_job set processed = :p, created = :c, updated = :u, unchanged = :n,"
                + " errors = :e, heartbeat_at = now() where id = :id")
        .setParameter("p", c.processed)
        .setParameter("c", c.created)
        .setParameter("u", c.updated)
        .setParameter("n", c.unchanged)
        .setParameter("e", c.errors)
        .setParameter("id", id)
        .executeUpdate();
  }

  /** Ends an unfinished job; the job after the change, or empty when it had already ended. */
  Optional<ImportJob> finish(UUID id, ImportStatus status, String failureCode, ImportCounts c) {
    return one(
        em.createNativeQuery(
                "update import_job set status = :s, failure_code = :f, processed = :p, created = :c,"
                    + " updated = :u, unchanged = :n, errors = :e, finished_at = now(),"
                    + " started_at = coalesce(started_at, now()), version = version + 1"
                    + " where id = :id and "
                    + ACTIVE
                    + " returning "
                    + COLUMNS)
            .setParameter("s", status.name())
            .setParameter("f", failureCode)
            .setParameter("p", c.processed)
            .setParameter("c", c.created)
            .setParameter("u", c.updated)
            .setParameter("n", c.unchanged)
            .setParameter("e", c.errors)
            .setParameter("id", id));
  }

  /** Asks an unfinished job to stop; the job after the change, or empty when it had ended. */
  Optional<ImportJob> requestCancel(UUID id) {
    return one(
        em.createNativeQuery(
                "update import_job set cancel_requested = true, version = version + 1"
                    + " where id = :id and "
                    + ACTIVE
                    + " returning "
                    + COLUMNS)
            .setParameter("id", id));
  }

  boolean cancelRequested(UUID id) {
    List<?> rows =
        em.createNativeQuery("select cancel_requested from import_job where id = :id")
            .setParameter("id", id)
            .getResultList();
    return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
  }

  /** Beats the heart of the jobs this process holds. */
  void heartbeat(Collection<UUID> ids) {
    em.createNativeQuery(
            "update import_job set heartbeat_at = now() where id = any(:ids) and " + ACTIVE)
        .setParameter("ids", PgTypes.uuidArray(ids))
        .executeUpdate();
  }

  /**
   * Fails the unfinished jobs whose heart stopped longer than {@code stale} ago (the process that
   * held them died), except {@code held}; returns them.
   */
  List<ImportJob> failStale(Duration stale, Collection<UUID> held) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "update import_job set status = 'FAILED', failure_code = 'INTERRUPTED',"
                    + " finished_at = now(), version = version + 1 where "
                    + ACTIVE
                    + " and heartbeat_at < now() - make_interval(secs => :s)"
                    + " and not (id = any(:held)) returning "
                    + COLUMNS)
            .setParameter("s", (double) stale.toSeconds())
            .setParameter("held", PgTypes.uuidArray(held))
            .getResultList();
    return rows.stream().map(ImportRepository::job).toList();
  }

  /** Stores item results in JDBC batches. */
  void insertItems(UUID importId, List<ItemRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into import_item (import_id, idx, outcome, record_id, code, errors)"
                          + " values (?, ?, ?, ?, ?, cast(? as jsonb))")) {
                for (ItemRow row : rows) {
                  insert.setObject(1, importId);
                  insert.setInt(2, row.index());
                  insert.setString(3, row.outcome().name());
                  insert.setObject(4, row.recordId());
                  insert.setString(5, row.code());
                  insert.setString(6, row.errorsJson());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
  }

  /** Deletes the results of written items (an ATOMIC import that failed wrote none of them). */
  void deleteWrittenItems(UUID importId) {
    em.createNativeQuery("delete from import_item where import_id = :id and outcome <> 'ERROR'")
        .setParameter("id", importId)
        .executeUpdate();
  }

  /** Results after index {@code after} (null: from the start), by index. */
  List<ItemRow> items(ImportResultsQuery q, Integer after, int limit) {
    Query query =
        em.createNativeQuery(
                "select idx, outcome, record_id, code, cast(errors as text) from import_item"
                    + " where import_id = :id"
                    + (q.outcome() == null ? "" : " and outcome = :o")
                    + (after == null ? "" : " and idx > :after")
                    + " order by idx limit :n")
            .setParameter("id", q.importId())
            .setParameter("n", limit);
    if (q.outcome() != null) {
      query.setParameter("o", q.outcome().name());
    }
    if (after != null) {
      query.setParameter("after", after);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new ItemRow(
                    PgTypes.intValue(r[0]),
                    ImportOutcome.valueOf((String) r[1]),
                    PgTypes.uuid(r[2]),
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }

  private static Optional<ImportJob> one(Query query) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(job(rows.get(0)));
  }

  private static ImportJob job(Object[] r) {
    return new ImportJob(
        PgTypes.uuid(r[0]),
        (String) r[1],
        (String) r[2],
        ImportMode.valueOf((String) r[3]),
        (Boolean) r[4],
        (Boolean) r[5],
        ImportStatus.valueOf((String) r[6]),
        (String) r[7],
        (String) r[8],
        PgTypes.intValue(r[9]),
        PgTypes.intValue(r[10]),
        PgTypes.intValue(r[11]),
        PgTypes.intValue(r[12]),
        PgTypes.intValue(r[13]),
        PgTypes.intValue(r[14]),
        (Boolean) r[15],
        (String) r[16],
        PgTypes.instant(r[17]),
        PgTypes.instant(r[18]),
        PgTypes.instant(r[19]),
        PgTypes.longValue(r[20]));
  }
}
