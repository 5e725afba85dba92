package vn.danvan.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.Problem;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.sync.ImportTarget;

/**
 * Bulk imports: spools the body, creates the job (idempotent by the caller's Idempotency-Key, which
 * the job itself stores), then runs it in the request (small imports) or queues it (large ones, or
 * {@code Prefer: respond-async}). A job is visible to the caller who started it and to admins.
 */
@ApplicationScoped
public class ImportService {

  /** A start request: the query, the headers that matter and the caller's language. */
  public record Start(
      String type,
      ImportMode mode,
      boolean dryRun,
      ImportFormat format,
      boolean preferAsync,
      String idempotencyKey,
      Locale locale) {}

  /** What a start answers: the job, whether it runs in the background, whether it was replayed. */
  public record Started(ImportResponse job, boolean async, boolean replayed) {}

  @Inject ImportTargets targets;
  @Inject ImportSpool spool;
  @Inject ImportRunner runner;
  @Inject ImportWorkers workers;
  @Inject ImportRepository repository;
  @Inject AuditTrail audit;
  @Inject CurrentUser user;

  @ConfigProperty(name = "danvan.imports.max-items", defaultValue = "100000")
  int maxItems;

  @ConfigProperty(name = "danvan.imports.sync-threshold", defaultValue = "2000")
  int syncThreshold;

  public Started start(Start start, InputStream body) {
    ImportTarget<?> target = targets.get(start.type());
    if (start.format() == ImportFormat.CSV && target.csvColumns().isEmpty()) {
      throw new ApiException(415, "IMPORT_CSV_NOT_SUPPORTED", target.type());
    }
    String key = start.idempotencyKey();
    if (key != null
        && (key.isBlank()
            || key.length() > 200
            || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
      throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY");
    }
    String requestLine =
        "POST /api/v1/imports type="
            + target.type()
            + " mode="
            + start.mode()
            + " dryRun="
            + start.dryRun()
            + " format="
            + start.format();
    ImportSpool.Spooled spooled =
        spool.spool(body, start.format(), target, maxItems, requestLine, start.locale());
    boolean handedOver = false;
    try {
      boolean async = start.preferAsync() || spooled.count() > syncThreshold;
      if (async && !workers.hasRoom()) {
        throw new ApiException(429, "IMPORTS_BUSY");
      }
      ImportJob job =
          new ImportJob(
              UUID.randomUUID(),
              user.username(),
              target.type(),
              start.mode(),
              start.dryRun(),
              async,
              ImportStatus.QUEUED,
              key,
              spooled.hash(),
              spooled.count(),
              0,
              0,
              0,
              0,
              0,
              false,
              null,
              Instant.now(),
              null,
              null,
              0);
      Optional<ImportJob> earlier = QuarkusTransaction.requiringNew().call(() -> create(job));
      if (earlier.isPresent()) {
        ImportJob first = earlier.get();
        if (!first.requestHash().equals(spooled.hash())) {
          throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED");
        }
        return answer(first, true);
      }
      ImportRun run =
          new ImportRun(
              job.id(),
              target,
              start.mode(),
              start.dryRun(),
              spooled.file(),
              spooled.count(),
              spooled.invalid(),
              start.locale());
      handedOver = true;
      if (async) {
        if (!workers.submit(run)) {
          runner.finish(run, ImportStatus.FAILED, "IMPORTS_BUSY", new ImportCounts());
          ImportSpool.delete(run.spool());
        }
      } else {
        workers.hold(job.id());
        try {
          runner.run(run);
        } finally {
          workers.release(job.id());
        }
      }
      return answer(find(job.id()), false);
    } finally {
      if (!handedOver) {
        ImportSpool.delete(spooled.file());
      }
    }
  }

  /** Inserts the job and audits it; the earlier job of the same Idempotency-Key if there is one. */
  private Optional<ImportJob> create(ImportJob job) {
    if (!repository.insert(job)) {
      return Optional.of(
          repository
              .findByKey(job.owner(), job.idempotencyKey())
              .orElseThrow(() -> new ApiException(409, "IDEMPOTENCY_IN_PROGRESS")));
    }
    ImportJob stored = repository.find(job.id()).orElseThrow();
    audit.created(
        ImportRunner.ENTITY, stored.id(), null, stored.version(), ImportResponse.of(stored, null));
    return Optional.empty();
  }

  /** A finished synchronous import answers with its results; anything else with the job. */
  private Started answer(ImportJob job, boolean replayed) {
    if (!job.async() && job.status().finished()) {
      List<ImportItemResponse> results =
          repository.items(new ImportResultsQuery(job.id(), null), null, job.total()).stream()
              .map(ImportService::item)
              .toList();
      return new Started(ImportResponse.of(job, results), false, replayed);
    }
    return new Started(ImportResponse.of(job, null), true, replayed);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ImportResponse get(UUID id) {
    return ImportResponse.of(visible(id), null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ImportItemResponse> results(UUID id, ImportOutcome outcome, PageRequest page) {
    visible(id);
    ImportResultsQuery query = new ImportResultsQuery(id, outcome);
    String list = Cursor.tag("import-results", query);
    Cursor.Keys keys = page.keys(list, Cursor.KeyType.INT);
    List<ImportRepository.ItemRow> rows =
        repository.items(query, keys == null ? null : keys.intValue(0), page.fetchSize());
    return Page.of(rows, page.limit(), ImportService::item, r -> Cursor.encode(list, r.index()));
  }

  /**
   * Asks the import to stop at its next batch boundary (a queued one is cancelled at once); 409
   * when it has ended.
   */
  @Transactional
  public ImportResponse cancel(UUID id) {
    ImportJob job = visible(id);
    ImportJob changed =
        repository
            .requestCancel(id)
            .orElseThrow(
                () ->
                    ApiException.illegalTransition(
                        "entity.IMPORT", job.status(), ImportAction.CANCEL));
    audit.action(
        "CANCEL",
        ImportRunner.ENTITY,
        id,
        null,
        changed.version(),
        ImportResponse.of(job, null),
        ImportResponse.of(changed, null),
        null);
    if (changed.status() == ImportStatus.QUEUED) {
      ImportCounts none = new ImportCounts();
      changed = repository.finish(id, ImportStatus.CANCELLED, null, none).orElse(changed);
    }
    return ImportResponse.of(changed, null);
  }

  private ImportJob find(UUID id) {
    return repository.find(id).orElseThrow(() -> ApiException.notFound("entity.IMPORT"));
  }

  /** The job if the caller started it or is an admin; 404 otherwise (alike to a missing one). */
  private ImportJob visible(UUID id) {
    ImportJob job = find(id);
    if (!job.owner().equals(user.username()) && !user.isAdmin()) {
      throw ApiException.notFound("entity.IMPORT");
    }
    return job;
  }

  private static ImportItemResponse item(ImportRepository.ItemRow row) {
    List<Problem.Violation> errors = null;
    if (row.errorsJson() != null) {
      try {
        errors =
            JSON.readValue(
                row.errorsJson(),
                JSON.getTypeFactory().constructCollectionType(List.class, Problem.Violation.class));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ImportItemResponse(row.index(), row.outcome(), row.recordId(), row.code(), errors);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
