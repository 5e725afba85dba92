package vn.danvan.shared.logging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.ChangeCounts;

/**
 * A bulk load (a demo loader): one new transaction, no per-entity log lines, and one summary line
 * with what it wrote, counted from the change log of its transaction.
 */
@ApplicationScoped
public class BulkLoad {

  @Inject ChangeCounts changes;

  /** Runs {@code build} and logs "{@code what} loaded in N ms: 12 DIRECTIVE, 3 TASK". */
  public void run(Logger log, String what, Runnable build) {
    long started = System.nanoTime();
    String counts =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    BulkLoadLogFilter.quietly(
                        () -> {
                          build.run();
                          return changes.ofCurrentTransaction();
                        }));
    log.infof("%s loaded in %d ms: %s", what, (System.nanoTime() - started) / 1_000_000, counts);
  }
}
