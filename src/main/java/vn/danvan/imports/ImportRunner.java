package vn.danvan.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.Problem;
import vn.danvan.shared.error.ProblemFactory;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;

/**
 * Runs a spooled import in batches. PER_ITEM: each batch in its own transaction; a batch that
 * throws is rolled back and replayed item by item, each item in its own transaction, to isolate the
 * failures. ATOMIC: every batch in one transaction, rolled back as a whole at the first item error
 * (the errors of every batch the target answers are still collected). A dry run does the same work
 * in transactions that are rolled back. Between batches the runner stores its progress (which also
 * beats the job's heart) and stops if the job was cancelled.
 */
@ApplicationScoped
class ImportRunner {

  static final String ENTITY = "IMPORT";
  private static final Logger LOG = Logger.getLogger(ImportRunner.class);

  @Inject ImportRepository repository;
  @Inject ImportSpool spool;
  @Inject ObjectMapper mapper;
  @Inject AuditTrail audit;

  @ConfigProperty(name = "danvan.imports.batch-size", defaultValue = "1000")
  int batchSize;

  @ConfigProperty(name = "danvan.imports.batch-timeout", defaultValue = "PT5M")
  Duration batchTimeout;

  @ConfigProperty(name = "danvan.imports.atomic-timeout", defaultValue = "PT30M")
  Duration atomicTimeout;

  /** Thrown out of a dry run's transaction to roll it back with its result. */
  private static final class DryRun extends RuntimeException {
    final transient Object result;

    DryRun(Object result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /** The import was cancelled (or the process is stopping) at a batch boundary. */
  private static final class Stopped extends RuntimeException {
    final boolean interrupted;

    Stopped(boolean interrupted) {
      super(null, null, false, false);
      this.interrupted = interrupted;
    }
  }

  /** A batch's results and the counts after it. */
  private record BatchResult(List<ImportRepository.ItemRow> rows, ImportCounts counts) {}

  /** Runs {@code run} to its end; never throws. */
  void run(ImportRun run) {
    ImportCounts counts = new ImportCounts();
    try {
      if (tx(() -> repository.start(run.id())).isEmpty()) {
        finish(run, ImportStatus.CANCELLED, null, counts);
        return;
      }
      if (run.mode() == ImportMode.ATOMIC) {
        atomic(run, counts);
      } else {
        perItem(run, counts);
      }
    } catch (Stopped s) {
      if (run.mode() == ImportMode.ATOMIC) {
        counts.discardWrites();
      }
      finish(
          run,
          s.interrupted ? ImportStatus.FAILED : ImportStatus.CANCELLED,
          s.interrupted ? "INTERRUPTED" : null,
          counts);
    } catch (RuntimeException | IOException e) {
      UUID incident = UUID.randomUUID();
      LOG.errorf("Import %s failed, incident %s: %s", run.id(), incident, e.getClass().getName());
      LOG.debug("Incident " + incident, e);
      if (run.mode() == ImportMode.ATOMIC) {
        counts.discardWrites();
      }
      finish(run, ImportStatus.FAILED, "INTERNAL_ERROR", counts);
    } finally {
      ImportSpool.delete(run.spool());
    }
  }

  // ---- PER_ITEM

  private void perItem(ImportRun run, ImportCounts counts) throws IOException {
    try (BufferedReader in = new BufferedReader(spool.open(run.spool()), 64 * 1024)) {
      int index = 0;
      while (true) {
        List<ImportSpool.Entry> batch = read(in, index);
        if (batch.isEmpty()) {
          break;
        }
        index += batch.size();
        checkStop(run.id());
        BatchResult result;
        try {
          result =
              inTx(
                  run.dryRun(),
                  batchTimeout,
                  () -> {
                    List<ImportRepository.ItemRow> rows = applyBatch(run, batch);
                    ImportCounts after = copy(counts, rows);
                    if (!run.dryRun()) {
                      repository.insertItems(run.id(), rows);
                      repository.progress(run.id(), after);
                    }
                    return new BatchResult(rows, after);
                  });
          if (run.dryRun()) {
            record(run.id(), result);
          }
        } catch (RuntimeException e) {
          if (e instanceof Stopped) {
            throw e;
          }
          List<ImportRepository.ItemRow> rows = new ArrayList<>(batch.size());
          for (ImportSpool.Entry entry : batch) {
            rows.add(replay(run, entry));
          }
          result = new BatchResult(rows, copy(counts, rows));
          record(run.id(), result);
        }
        set(counts, result.counts());
      }
    }
    finish(run, ImportStatus.SUCCEEDED, null, counts);
  }

  /** One item in its own transaction (rolled back in a dry run): its result row. */
  private ImportRepository.ItemRow replay(ImportRun run, ImportSpool.Entry entry) {
    if (!entry.valid()) {
      return invalidRow(entry);
    }
    try {
      return inTx(run.dryRun(), batchTimeout, () -> applyBatch(run, List.of(entry)).get(0));
    } catch (RuntimeException e) {
      return errorRow(entry.index(), failure(e), run.locale());
    }
  }

  // ---- ATOMIC

  private void atomic(ImportRun run, ImportCounts counts) throws IOException {
    if (run.invalid() > 0) {
      // items that do not even validate: nothing is applied, their errors are the result
      try (BufferedReader in = new BufferedReader(spool.open(run.spool()), 64 * 1024)) {
        int index = 0;
        while (true) {
          List<ImportSpool.Entry> batch = read(in, index);
          if (batch.isEmpty()) {
            break;
          }
          index += batch.size();
          List<ImportRepository.ItemRow> errors =
              batch.stream().filter(e -> !e.valid()).map(ImportRunner::invalidRow).toList();
          counts.processed += batch.size();
          counts.errors += errors.size();
          ImportCounts now = copy(counts, List.of());
          tx(
              () -> {
                repository.insertItems(run.id(), errors);
                repository.progress(run.id(), now);
                return null;
              });
        }
      }
      finish(run, ImportStatus.FAILED, "ITEMS_INVALID", counts);
      return;
    }
    List<ImportSpool.Entry> failing = new ArrayList<>();
    try {
      inTx(
          true,
          atomicTimeout,
          () -> {
            boolean failed = atomicBatches(run, counts, failing);
            if (!failed && !run.dryRun()) {
              // commit: the success is the transaction's own
              throw new Commit();
            }
            return null;
          });
    } catch (RuntimeException e) {
      if (e instanceof Stopped || failing.isEmpty()) {
        // cancelled, or a failure outside the target (the import fails as a whole)
        throw e;
      }
      // a batch threw: the transaction is gone; isolate its failures item by item
      List<ImportRepository.ItemRow> errors = new ArrayList<>();
      for (ImportSpool.Entry entry : failing) {
        ImportRepository.ItemRow row;
        try {
          row = inTx(true, batchTimeout, () -> applyBatch(run, List.of(entry)).get(0));
        } catch (RuntimeException f) {
          row = errorRow(entry.index(), failure(f), run.locale());
        }
        if (row.outcome() == ImportOutcome.ERROR) {
          errors.add(row);
        }
      }
      if (errors.isEmpty()) {
        // the batch failed as a whole only: the error is reported on its first item
        errors.add(errorRow(failing.get(0).index(), failure(e), run.locale()));
      }
      counts.errors += errors.size();
      tx(
          () -> {
            repository.insertItems(run.id(), errors);
            return null;
          });
    }
    if (counts.errors > 0) {
      counts.discardWrites();
      finish(run, ImportStatus.FAILED, "ITEMS_INVALID", counts);
    } else {
      finish(run, ImportStatus.SUCCEEDED, null, counts);
    }
  }

  /** Signals that an ATOMIC import's transaction must commit. */
  private static final class Commit extends RuntimeException {
    Commit() {
      super(null, null, false, false);
    }
  }

  /**
   * Applies every batch in the current transaction; true when an item failed. Error rows are stored
   * at once in their own transactions (they outlive the rollback); the written rows are stored in
   * this transaction (or, in a dry run, in their own).
   */
  private boolean atomicBatches(
      ImportRun run, ImportCounts counts, List<ImportSpool.Entry> failing) {
    boolean failed = false;
    try (BufferedReader in = new BufferedReader(spool.open(run.spool()), 64 * 1024)) {
      int index = 0;
      while (true) {
        List<ImportSpool.Entry> batch = read(in, index);
        if (batch.isEmpty()) {
          return failed;
        }
        index += batch.size();
        if (repository.cancelRequested(run.id()) || Thread.currentThread().isInterrupted()) {
          throw new Stopped(Thread.currentThread().isInterrupted());
        }
        failing.clear();
        failing.addAll(batch);
        List<ImportRepository.ItemRow> rows = applyBatch(run, batch);
        failing.clear();
        List<ImportRepository.ItemRow> errors =
            rows.stream().filter(r -> r.outcome() == ImportOutcome.ERROR).toList();
        List<ImportRepository.ItemRow> written =
            rows.stream().filter(r -> r.outcome() != ImportOutcome.ERROR).toList();
        failed |= !errors.isEmpty();
        for (ImportRepository.ItemRow row : rows) {
          counts.add(row.outcome());
        }
        if (!run.dryRun() && !failed) {
          repository.insertItems(run.id(), written);
        }
        ImportCounts now = copy(counts, List.of());
        tx(
            () -> {
              repository.insertItems(run.id(), run.dryRun() ? rows : errors);
              repository.progress(run.id(), now);
              return null;
            });
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- items

  /** Binds the valid entries, applies them as one call and returns a row per entry, in order. */
  private List<ImportRepository.ItemRow> applyBatch(ImportRun run, List<ImportSpool.Entry> batch) {
    List<Object> items = new ArrayList<>(batch.size());
    for (ImportSpool.Entry entry : batch) {
      if (entry.valid()) {
        try {
          items.add(mapper.readValue(entry.json(), run.target().itemType()));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("A spooled item no longer binds", e);
        }
      }
    }
    List<ImportItemResult> results = items.isEmpty() ? List.of() : apply(run.target(), items);
    if (results.size() != items.size()) {
      throw new IllegalStateException(
          "Import target " + run.target().type() + " answered " + results.size() + " results");
    }
    List<ImportRepository.ItemRow> rows = new ArrayList<>(batch.size());
    int r = 0;
    for (ImportSpool.Entry entry : batch) {
      if (!entry.valid()) {
        rows.add(invalidRow(entry));
        continue;
      }
      ImportItemResult result = results.get(r++);
      rows.add(
          result.ok()
              ? new ImportRepository.ItemRow(
                  entry.index(),
                  ImportOutcome.valueOf(result.outcome().name()),
                  result.id(),
                  null,
                  null)
              : errorRow(entry.index(), result.error(), run.locale()));
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<ImportItemResult> apply(ImportTarget<T> target, List<Object> items) {
    return target.apply((List<T>) (List<?>) items);
  }

  private List<ImportSpool.Entry> read(BufferedReader in, int index) throws IOException {
    List<ImportSpool.Entry> batch = new ArrayList<>(batchSize);
    ImportSpool.Entry entry;
    while (batch.size() < batchSize && (entry = spool.next(in, index + batch.size())) != null) {
      batch.add(entry);
    }
    return batch;
  }

  private static ImportRepository.ItemRow invalidRow(ImportSpool.Entry entry) {
    return new ImportRepository.ItemRow(
        entry.index(), ImportOutcome.ERROR, null, entry.code(), json(entry.errors()));
  }

  /** The error row of an item: the problem's field errors with pointers from the import's root. */
  static ImportRepository.ItemRow errorRow(int index, ApiException e, Locale locale) {
    String base = "/items/" + index;
    List<Problem.Violation> errors = new ArrayList<>();
    for (ApiException.FieldError f : e.errors()) {
      String pointer = f.pointer() == null || f.pointer().equals("/") ? "" : f.pointer();
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        pointer = "/" + pointer;
      }
      errors.add(
          new Problem.Violation(
              base + pointer, ProblemFactory.message(locale, f.messageKey(), f.args())));
    }
    if (errors.isEmpty()) {
      Problem p = ProblemFactory.problem(locale, e.status(), e.code(), null, List.of(), e.args());
      errors.add(new Problem.Violation(base, p.detail()));
    }
    return new ImportRepository.ItemRow(index, ImportOutcome.ERROR, null, e.code(), json(errors));
  }

  /** The problem an item's failure answers, as a single request would. */
  static ApiException failure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ApiException api) {
        return api;
      }
      if (t instanceof OptimisticLockException) {
        return new ApiException(412, "PRECONDITION_FAILED");
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        switch (sql.getSQLState()) {
          case "23505", "23P01":
            return ApiException.conflict("DUPLICATE");
          case "23503":
            return ApiException.conflict("IN_USE");
          case "23514", "23502", "22001", "22P02", "22007", "22008":
            return ApiException.unprocessable("CONSTRAINT_VIOLATED");
          case "40001", "40P01":
            return ApiException.conflict("CONCURRENT_UPDATE");
          default:
            break;
        }
      }
    }
    UUID incident = UUID.randomUUID();
    LOG.errorf("Import item failed, incident %s: %s", incident, e.getClass().getName());
    LOG.debug("Incident " + incident, e);
    return new ApiException(500, "INTERNAL_ERROR", incident.toString());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String json(List<Problem.Violation> errors) {
    try {
      return JSON.writeValueAsString(errors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- bookkeeping

  private void checkStop(UUID id) {
    boolean interrupted = Thread.currentThread().isInterrupted();
    if (interrupted || tx(() -> repository.cancelRequested(id))) {
      throw new Stopped(interrupted);
    }
  }

  private void record(UUID id, BatchResult result) {
    tx(
        () -> {
          repository.insertItems(id, result.rows());
          repository.progress(id, result.counts());
          return null;
        });
  }

  /** Ends the job (unless it already ended) and audits the end. */
  void finish(ImportRun run, ImportStatus status, String failureCode, ImportCounts counts) {
    tx(
        () -> {
          repository
              .finish(run.id(), status, failureCode, counts)
              .ifPresent(
                  job -> {
                    if (job.mode() == ImportMode.ATOMIC && status != ImportStatus.SUCCEEDED) {
                      repository.deleteWrittenItems(job.id());
                    }
                    audit.action(
                        "FINISH",
                        ENTITY,
                        job.id(),
                        null,
                        job.version(),
                        null,
                        ImportResponse.of(job, null),
                        failureCode);
                  });
          return null;
        });
  }

  private static ImportCounts copy(ImportCounts base, List<ImportRepository.ItemRow> rows) {
    ImportCounts c = new ImportCounts();
    set(c, base);
    for (ImportRepository.ItemRow row : rows) {
      c.add(row.outcome());
    }
    return c;
  }

  private static void set(ImportCounts to, ImportCounts from) {
    to.processed = from.processed;
    to.created = from.created;
    to.updated = from.updated;
    to.unchanged = from.unchanged;
    to.errors = from.errors;
  }

  private static <R> R tx(Callable<R> work) {
    return QuarkusTransaction.requiringNew().call(work);
  }

  /**
   * Runs {@code work} in a new transaction; rolled back when {@code rollback} (its result is still
   * returned), committed otherwise. {@link Commit} thrown by the work commits a rolled-back
   * transaction instead.
   */
  @SuppressWarnings("unchecked")
  private static <R> R inTx(boolean rollback, Duration timeout, Callable<R> work) {
    try {
      return QuarkusTransaction.requiringNew()
          .timeout((int) timeout.toSeconds())
          .call(
              () -> {
                R result;
                try {
                  result = work.call();
                } catch (Commit c) {
                  return null;
                }
                if (rollback) {
                  throw new DryRun(result);
                }
                return result;
              });
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof DryRun d) {
          return (R) d.result;
        }
        if (t instanceof Stopped s) {
          throw s;
        }
      }
      throw e;
    }
  }
}
