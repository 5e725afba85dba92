package vn.danvan.shared.http;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;

/**
 * Idempotency-Key on POST (DESIGN §8). The first successful response of (caller, key) is stored and
 * replayed to every retry with the same request; the same key with another request is refused with
 * 422. Concurrent retries queue on the record's primary key: exactly one runs the action. Failed
 * attempts leave no record, so a corrected request may reuse its key.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotency-Replayed";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration TAKE_OVER_AFTER = Duration.ofMinutes(5);
  private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

  @Inject EntityManager em;
  @Inject CurrentUser user;
  @Inject CurrentVertxRequest request;
  @Inject ObjectMapper mapper;

  private final ObjectMapper canonical =
      JsonMapper.builder()
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .findAndAddModules()
          .build();

  private record Stored(String hash, String state, Integer status, String headers, byte[] body) {}

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
    String principal = user.username();
    String path = request.getCurrent().request().path();
    String hash = hash("POST " + path + "\n" + canonicalJson(requestBody));

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      if (QuarkusTransaction.requiringNew().call(() -> claim(principal, key, path, hash))) {
        return runClaimed(principal, key, action);
      }
      Stored stored = QuarkusTransaction.requiringNew().call(() -> load(principal, key));
      if (stored == null) {
        continue; // the first attempt failed and released the key: try to become the first attempt
      }
      if (!stored.hash().equals(hash)) {
        throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED");
      }
      if ("COMPLETED".equals(stored.state())) {
        return rebuild(stored, type);
      }
      if (System.nanoTime() > deadline) {
        throw new ApiException(409, "IDEMPOTENCY_IN_PROGRESS");
      }
      pause();
    }
  }

  private <T> RestResponse<T> runClaimed(
      String principal, String key, Supplier<RestResponse<T>> action) {
    RestResponse<T> response;
    try {
      response = action.get();
    } catch (RuntimeException e) {
      QuarkusTransaction.requiringNew().run(() -> release(principal, key));
      throw e;
    }
    QuarkusTransaction.requiringNew().run(() -> complete(principal, key, response));
    return response;
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(409, "IDEMPOTENCY_IN_PROGRESS");
    }
  }

  private boolean claim(String principal, String key, String path, String hash) {
    int inserted =
        em.createNativeQuery(
                "insert into idempotency_record (principal, idem_key, method, path, request_hash, state)"
                    + " values (:p, :k, 'POST', :path, :h, 'IN_PROGRESS') on conflict do nothing")
            .setParameter("p", principal)
            .setParameter("k", key)
            .setParameter("path", path)
            .setParameter("h", hash)
            .executeUpdate();
    if (inserted == 1) {
      return true;
    }
    // an attempt that crashed long ago may be taken over
    return em.createNativeQuery(
                "update idempotency_record set created_at = now() where principal = :p and idem_key = :k"
                    + " and state = 'IN_PROGRESS' and request_hash = :h and created_at < now() - make_interval(secs => :secs)")
            .setParameter("p", principal)
            .setParameter("k", key)
            .setParameter("h", hash)
            .setParameter("secs", (double) TAKE_OVER_AFTER.toSeconds())
            .executeUpdate()
        == 1;
  }

  private void release(String principal, String key) {
    em.createNativeQuery(
            "delete from idempotency_record where principal = :p and idem_key = :k and state = 'IN_PROGRESS'")
        .setParameter("p", principal)
        .setParameter("k", key)
        .executeUpdate();
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
      em.createNativeQuery(
              "update idempotency_record set state = 'COMPLETED', status = :s, content_type = 'application/json',"
                  + " headers = cast(:hd as jsonb), body = :b, completed_at = now() where principal = :p and idem_key = :k")
          .setParameter("s", response.getStatus())
          .setParameter("hd", mapper.writeValueAsString(headers))
          .setParameter("b", mapper.writeValueAsBytes(response.getEntity()))
          .setParameter("p", principal)
          .setParameter("k", key)
          .executeUpdate();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Stored load(String principal, String key) {
    List<?> rows =
        em.createNativeQuery(
                "select request_hash, state, status, cast(headers as text), body from idempotency_record"
                    + " where principal = :p and idem_key = :k")
            .setParameter("p", principal)
            .setParameter("k", key)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = (Object[]) rows.get(0);
    return new Stored(
        (String) r[0],
        (String) r[1],
        r[2] == null ? null : ((Number) r[2]).intValue(),
        (String) r[3],
        (byte[]) r[4]);
  }

  @SuppressWarnings("unchecked")
  private <T> RestResponse<T> rebuild(Stored stored, Class<T> type) {
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
