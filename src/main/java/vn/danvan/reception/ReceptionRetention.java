package vn.danvan.reception;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

  @Inject ReceptionRetentionRepository repo;
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
    List<UUID> ids = repo.lockVisitsWithoutCase(cutoff, BATCH);
    if (ids.isEmpty()) {
      return 0;
    }
    recordErased(ReceptionVisitService.ENTITY, repo.eraseVisits(ids, Instant.now(clock)));
    return ids.size();
  }

  /** One audit event and change-log entry per erased record, written set-based. */
  private void recordErased(String entityType, List<ReceptionRetentionRepository.Erased> rows) {
    List<AuditTrail.Change> changes =
        rows.stream()
            .map(r -> new AuditTrail.Change(r.id(), r.unitId(), r.version(), null, null))
            .toList();
    audit.recordAll(
        "PERSONAL_DATA_ERASED",
        entityType,
        AuditTrail.Operation.UPSERT,
        changes,
        "retention " + config.retention().afterClose());
  }

  private int eraseBatch(LocalDate cutoff) {
    List<UUID> ids = repo.lockClosedCases(cutoff, BATCH);
    if (ids.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now(clock);
    recordErased(ReceptionVisitService.ENTITY, repo.eraseVisitsOfCases(ids, now));
    recordErased(ReceptionCaseService.ENTITY, repo.eraseCases(ids, now));
    return ids.size();
  }
}
