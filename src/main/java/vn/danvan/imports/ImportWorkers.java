package vn.danvan.imports;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.security.CurrentUser;

/**
 * The background side of imports: a bounded pool (a few workers, a bounded queue) that runs the
 * asynchronous imports as their callers, a heartbeat for the jobs this process holds, and the sweep
 * that fails the jobs whose process died.
 *
 * <p>A job's body lives in a spool file of the process that received it, so a job cannot move to
 * another process: a job whose heart stopped (its process died or was killed) is marked FAILED with
 * {@code failure_code = INTERRUPTED}, at startup and every {@code danvan.imports.sweep-every}, once
 * its heartbeat is older than {@code danvan.imports.stale-after}. On an orderly shutdown the
 * running job stops at its next batch boundary and the queued ones are failed the same way. The
 * caller sees the job FAILED and sends the import again (upserts make that safe).
 */
@ApplicationScoped
class ImportWorkers {

  private static final Logger LOG = Logger.getLogger(ImportWorkers.class);

  @Inject ImportRunner runner;
  @Inject ImportRepository repository;
  @Inject CurrentIdentityAssociation identities;
  @Inject AuditTrail audit;
  @Inject CurrentUser user;

  @ConfigProperty(name = "danvan.imports.workers", defaultValue = "1")
  int workers;

  @ConfigProperty(name = "danvan.imports.queue", defaultValue = "16")
  int queue;

  @ConfigProperty(name = "danvan.imports.stale-after", defaultValue = "PT2M")
  Duration staleAfter;

  private ThreadPoolExecutor executor;

  /** The jobs this process holds (queued, running, or running synchronously in a request). */
  private final Set<UUID> held = ConcurrentHashMap.newKeySet();

  /** A queued job. */
  private final class Job implements Runnable {
    final ImportRun run;
    final SecurityIdentity identity;

    Job(ImportRun run, SecurityIdentity identity) {
      this.run = run;
      this.identity = identity;
    }

    @Override
    public void run() {
      ManagedContext context = Arc.container().requestContext();
      context.activate();
      try {
        identities.setIdentity(identity);
        runner.run(run);
      } finally {
        context.terminate();
        held.remove(run.id());
      }
    }
  }

  @PostConstruct
  void init() {
    executor =
        new ThreadPoolExecutor(
            workers,
            workers,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "import-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /** Whether an asynchronous import can be queued now. */
  boolean hasRoom() {
    return executor.getQueue().remainingCapacity() > 0;
  }

  /** Queues {@code run} to run as the current caller; false when the queue is full. */
  boolean submit(ImportRun run) {
    held.add(run.id());
    try {
      executor.execute(new Job(run, identities.getIdentity()));
      return true;
    } catch (RejectedExecutionException e) {
      held.remove(run.id());
      return false;
    }
  }

  /** Marks a job run in this process (synchronously) as held, for the heartbeat. */
  void hold(UUID id) {
    held.add(id);
  }

  void release(UUID id) {
    held.remove(id);
  }

  @Scheduled(
      every = "{danvan.imports.heartbeat-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      identity = "import-heartbeat")
  void heartbeat() {
    if (!held.isEmpty()) {
      List<UUID> ids = List.copyOf(held);
      QuarkusTransaction.requiringNew().run(() -> repository.heartbeat(ids));
    }
  }

  void onStart(@Observes StartupEvent event) {
    sweepNow();
  }

  @Scheduled(
      every = "{danvan.imports.sweep-every}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      identity = "import-sweep")
  void sweep() {
    sweepNow();
  }

  /** Fails the unfinished jobs whose process died; returns how many. */
  int sweepNow() {
    ManagedContext context = Arc.container().requestContext();
    boolean activated = !context.isActive();
    if (activated) {
      context.activate();
    }
    try {
      user.actAsSystem("import-sweep");
      List<ImportJob> failed =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    List<ImportJob> jobs = repository.failStale(staleAfter, List.copyOf(held));
                    for (ImportJob job : jobs) {
                      audit.action(
                          "FINISH",
                          ImportRunner.ENTITY,
                          job.id(),
                          null,
                          job.version(),
                          null,
                          ImportResponse.of(job, null),
                          "INTERRUPTED");
                    }
                    return jobs;
                  });
      if (!failed.isEmpty()) {
        LOG.infof("Marked %d interrupted imports FAILED", failed.size());
      }
      return failed.size();
    } finally {
      if (activated) {
        context.terminate();
      }
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    List<Runnable> pending = executor.shutdownNow();
    for (Runnable r : pending) {
      if (r instanceof Job job) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
          user.actAsSystem("import-shutdown");
          runner.finish(job.run, ImportStatus.FAILED, "INTERRUPTED", new ImportCounts());
        } catch (RuntimeException e) {
          // the sweep of the next start fails it instead
        } finally {
          context.terminate();
          ImportSpool.delete(job.run.spool());
        }
      }
    }
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
