package vn.danvan.reception;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.time.BusinessTime;

/**
 * Retention (Decree 13/2023: personal data kept no longer than its purpose needs): once a case has
 * been closed for the configured period, the personal data of its visits — visitors, denouncers'
 * identities, ID hashes — is erased. The visits stay, with their kind, field, group size and
 * outcome, so statistics do not change.
 */
@ApplicationScoped
public class ReceptionRetention {

  private static final Logger LOG = Logger.getLogger(ReceptionRetention.class);
  private static final int BATCH = 500;

  @Inject EntityManager em;
  @Inject ReceptionConfig config;
  @Inject AuditTrail audit;
  @Inject CurrentUser user;
  @Inject Clock clock;

  @Scheduled(
      cron = "{danvan.reception.retention.cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      identity = "reception-retention")
  void scheduled() {
    eraseExpired();
  }

  /** Erases what has expired, in batches; returns the number of cases erased. */
  @ActivateRequestContext
  public int eraseExpired() {
    user.actAsSystem("system:retention");
    LocalDate cutoff = BusinessTime.today(clock).minus(config.retention().afterClose());
    int total = 0;
    while (true) {
      int n = QuarkusTransaction.requiringNew().call(() -> eraseBatch(cutoff));
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    int visits = 0;
    while (true) {
      int n = QuarkusTransaction.requiringNew().call(() -> eraseVisitsWithoutCase(cutoff));
      visits += n;
      if (n < BATCH) {
        break;
      }
    }
    if (total > 0 || visits > 0) {
      LOG.infof(
          "Retention: personal data of %d closed cases and %d visits without a case erased",
          total, visits);
    }
    return total;
  }

  /**
   * Visits that never became a case (answered, guided, transferred): the same period after the
   * visit.
   */
  private int eraseVisitsWithoutCase(LocalDate cutoff) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "select id from reception_visit where case_id is null and received_date <= :cutoff"
                    + " and personal_data_erased_at is null limit :n for update skip locked")
            .setParameter("cutoff", cutoff)
            .setParameter("n", BATCH)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    em.createNativeQuery("delete from reception_identity_hash where visit_id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createNativeQuery("delete from reception_protected_identity where visit_id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    recordErased(
        ReceptionVisitService.ENTITY,
        em.createNativeQuery(
                "update reception_visit set visitor_data = null, personal_data_erased_at = :now, version = version + 1"
                    + " where id in (:ids) returning id, unit_id, version")
            .setParameter("now", Instant.now(clock))
            .setParameter("ids", ids)
            .getResultList());
    return ids.size();
  }

  /** One audit event and change-log entry per erased record, written set-based. */
  private void recordErased(String entityType, List<?> rows) {
    List<AuditTrail.Change> changes = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      changes.add(
          new AuditTrail.Change((UUID) r[0], (UUID) r[1], ((Number) r[2]).longValue(), null, null));
    }
    audit.recordAll(
        "PERSONAL_DATA_ERASED",
        entityType,
        AuditTrail.Operation.UPSERT,
        changes,
        "retention " + config.retention().afterClose());
  }

  private int eraseBatch(LocalDate cutoff) {
    @SuppressWarnings("unchecked")
    List<Object[]> cases =
        em.createNativeQuery(
                "select id, unit_id from reception_case where status = 'CLOSED' and closed_date <= :cutoff"
                    + " and personal_data_erased_at is null order by closed_date limit :n for update skip locked")
            .setParameter("cutoff", cutoff)
            .setParameter("n", BATCH)
            .getResultList();
    if (cases.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now(clock);
    List<UUID> ids = cases.stream().map(r -> (UUID) r[0]).toList();
    em.createNativeQuery(
            "delete from reception_identity_hash h using reception_visit v where h.visit_id = v.id and v.case_id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createNativeQuery(
            "delete from reception_protected_identity p using reception_visit v where p.visit_id = v.id and v.case_id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    recordErased(
        ReceptionVisitService.ENTITY,
        em.createNativeQuery(
                "update reception_visit set visitor_data = null, personal_data_erased_at = :now, version = version + 1"
                    + " where case_id in (:ids) and personal_data_erased_at is null"
                    + " returning id, unit_id, version")
            .setParameter("now", now)
            .setParameter("ids", ids)
            .getResultList());
    recordErased(
        ReceptionCaseService.ENTITY,
        em.createNativeQuery(
                "update reception_case set personal_data_erased_at = :now, version = version + 1"
                    + " where id in (:ids) returning id, unit_id, version")
            .setParameter("now", now)
            .setParameter("ids", ids)
            .getResultList());
    return cases.size();
  }
}
