package vn.danvan.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import vn.danvan.shared.security.UnitScope;

/**
 * The outbox relay. Every change is written to {@code change_log} by {@code AuditTrail} in the
 * transaction of the change itself, so a change-log row exists exactly when its change committed:
 * that row is the outbox row. The relay reads it from the feed's safe horizon only (transactions
 * older than the oldest running one, so a late commit is read late, never skipped) and, per
 * subscription, writes one PENDING delivery per matching change and moves the subscription's cursor
 * in one transaction, holding the subscription's row ({@code FOR UPDATE SKIP LOCKED}: one relay per
 * subscription at a time, on any replica). Nothing committed is lost, nothing is relayed twice, and
 * deliveries follow the feed's order.
 */
@ApplicationScoped
public class WebhookRelay {

  @Inject WebhookRepository repo;
  @Inject WebhookConfig config;
  @Inject OwnerContext owners;
  @Inject UnitScope scope;

  @Scheduled(
      every = "{danvan.webhooks.relay-every}",
      identity = "webhook-relay",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (config.enabled()) {
      relayAll();
    }
  }

  /** One pass over every subscription; returns the deliveries written. */
  public int relayAll() {
    int total = 0;
    for (UUID id : QuarkusTransaction.requiringNew().call(repo::ids)) {
      while (true) {
        int written = QuarkusTransaction.requiringNew().call(() -> step(id));
        total += Math.max(written, 0);
        if (written < config.relayBatch()) {
          break;
        }
      }
    }
    return total;
  }

  /**
   * One batch of one subscription: -1 when another relay holds it or it is gone. The entries are
   * those the owner may read (the owner's scope, computed as the owner).
   */
  private int step(UUID id) {
    WebhookRepository.Subscription s = repo.lockForRelay(id);
    if (s == null) {
      return -1;
    }
    String horizon = repo.horizon();
    UUID[] roots = owners.call(s.owner(), scope::rootsOrAll);
    return repo.relay(s, horizon, roots, config.relayBatch()).written();
  }
}
