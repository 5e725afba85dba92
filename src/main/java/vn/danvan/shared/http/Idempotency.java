package vn.danvan.shared.http;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;

/**
 * Idempotency-Key on POST (DESIGN §8). The first successful response of (caller, key) is stored and
 * replayed to every retry with the same request; the same key with another request is refused with
 * 422.
 *
 * <p>The key is taken, the action runs and its response is recorded in <b>one</b> transaction: the
 * record commits with the action's changes or not at all. A concurrent retry waits on the record's
 * primary key until that transaction ends, then replays its response (or, if it failed, runs the
 * action itself). A failed or crashed attempt leaves nothing behind, so a retry, or a corrected
 * request with the same key, runs at once.
 *
 * <p>A key is remembered for {@code danvan.idempotency.retention} (a day by default): retries come
 * within minutes, and a table that only grows would hold every request body forever. An older key
 * is a new key, and expired records are purged on a schedule.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotency-Replayed";

  /** How long a retry waits for a concurrent attempt with the same key before answering 409. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

  @Inject IdempotencyRepository records;
  @Inject CurrentUser user;
  @Inject CurrentVertxRequest request;
  @Inject ObjectMapper mapper;

  private static final Logger LOG = Logger.getLogger(Idempotency.class);
  private static final int PURGE_BATCH = 5_000;

  @ConfigProperty(name = "danvan.idempotency.retention", defaultValue = "P1D")
  Duration retention;

  private final ObjectMapper canonical =
      JsonMapper.builder()
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .findAndAddModules()
          .build();

  public <T> RestResponse<T> run(
      String header, Object requestBody, Class<T> type, Supplier<RestResponse<T>> action) {
    // sent but empty is refused below rather than silently treated as absent
    String key =
        header == null && request.getCurrent().request().headers().contains(HEADER) ? "" : header;
    if (key == null) {
      return action.get();
    }
    if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY");
    }
    return run(
        user.username(), key, request.getCurrent().request().path(), requestBody, type, action);
  }

  /**
   * Runs {@code action} once for (principal, key), in the transaction that records its response
   * (joined when one is active).
   */
  <T> RestResponse<T> run(
      String principal,
      String key,
      String path,
      Object requestBody,
      Class<T> type,
      Supplier<RestResponse<T>> action) {
    String hash = hash("POST " + path + "\n" + canonicalJson(requestBody));
    try {
      return QuarkusTransaction.joiningExisting()
          .call(() -> runInTransaction(principal, key, path, hash, type, action));
    } catch (QuarkusTransactionException e) {
      // a failure at commit: answer as the same failure inside the action would be answered
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof PersistenceException p) {
          throw p;
        }
      }
      throw e;
    }
  }

  private <T> RestResponse<T> runInTransaction(
      String principal,
      String key,
      String path,
      String hash,
      Class<T> type,
      Supplier<RestResponse<T>> action) {
    // a record that vanished between the conflict and the read (cleaned up) is simply taken again
    for (int attempt = 0; attempt < 3; attempt++) {
      if (claim(principal, key, path, hash)) {
        RestResponse<T> response = action.get();
        records.flush();
        complete(principal, key, response);
        return response;
      }
      IdempotencyRepository.StoredResponse stored = records.find(principal, key).orElse(null);
      if (stored == null) {
        continue;
      }
      if (!stored.hash().equals(hash)) {
        throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED");
      }
      if ("COMPLETED".equals(stored.state())) {
        return rebuild(stored, type);
      }
    }
    throw new ApiException(409, "IDEMPOTENCY_IN_PROGRESS");
  }

  /**
   * Inserts the record in the current transaction. A concurrent attempt's uncommitted record makes
   * the insert wait until that attempt ends: its commit is a conflict (false: replay it), its
   * rollback frees the key (true). A committed {@code IN_PROGRESS} record can only be left by an
   * earlier version of this service, which committed the record before the action: it is taken over
   * at once.
   */
  private boolean claim(String principal, String key, String path, String hash) {
    String previousTimeout = records.lockTimeout();
    records.setLockTimeout(WAIT.toMillis() + "ms");
    boolean inserted;
    try {
      // an expired record of the key no longer counts, whether or not the purge has run
      records.deleteExpired(principal, key, retention);
      inserted = records.insertInProgress(principal, key, path, hash);
    } catch (PersistenceException e) {
      if (isLockTimeout(e)) {
        throw new ApiException(409, "IDEMPOTENCY_IN_PROGRESS");
      }
      throw e;
    }
    records.setLockTimeout(previousTimeout);
    return inserted || records.takeOver(principal, key, hash);
  }

  @Scheduled(
      every = "{danvan.idempotency.purge-every}",
      delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      identity = "idempotency-purge")
  void scheduledPurge() {
    int purged = purgeExpired();
    if (purged > 0) {
      LOG.infof("Purged %d expired idempotency records", purged);
    }
  }

  /** Deletes the records older than the retention, in batches; returns how many. */
  public int purgeExpired() {
    int total = 0;
    while (true) {
      int n =
          QuarkusTransaction.requiringNew()
              .call(() -> records.purgeExpired(retention, PURGE_BATCH));
      total += n;
      if (n < PURGE_BATCH) {
        return total;
      }
    }
  }

  private static boolean isLockTimeout(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private <T> void complete(String principal, String key, RestResponse<T> response) {
    Map<String, String> headers = new HashMap<>();
    for (String name : KEPT_HEADERS) {
      Object value = response.getHeaders().getFirst(name);
      if (value != null) {
        headers.put(name, value.toString());
      }
    }
    try {
      records.complete(
          principal,
          key,
          response.getStatus(),
          mapper.writeValueAsString(headers),
          mapper.writeValueAsBytes(response.getEntity()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> RestResponse<T> rebuild(IdempotencyRepository.StoredResponse stored, Class<T> type) {
    try {
      T entity = stored.body() == null ? null : mapper.readValue(stored.body(), type);
      RestResponse.ResponseBuilder<T> builder =
          RestResponse.ResponseBuilder.<T>create(stored.status()).entity(entity);
      if (stored.headers() != null) {
        Map<String, String> headers = mapper.readValue(stored.headers(), Map.class);
        headers.forEach(builder::header);
      }
      return builder.header(REPLAYED_HEADER, "true").build();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String canonicalJson(Object body) {
    try {
      return body == null ? "" : canonical.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
