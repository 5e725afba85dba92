package vn.danvan.shared.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests too large for the API are answered as problem+json before anything reads them: a
 * declared body above {@code danvan.http.max-body-size} (413 {@code PAYLOAD_TOO_LARGE}; for bulk
 * imports, {@code POST /api/v1/imports}, which stream their body, {@code
 * danvan.imports.max-body-size}), a request line above {@code danvan.http.max-uri-length} (414
 * {@code URI_TOO_LONG}) and headers above {@code danvan.http.max-header-size} (431 {@code
 * HEADERS_TOO_LARGE}). The HTTP layer's own answers to these have no body; its hard limits ({@code
 * quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are set well above ours
 * so that a request reaches this check. A body that grows past the limit while it streams is failed
 * by the HTTP layer with 413, which the failure handler here turns into problem+json too; the limit
 * it applies is set here per path too. The HTTP layer's own {@code
 * quarkus.http.limits.max-body-size} must be at least the largest of these.
 */
@ApplicationScoped
public class BodyLimit {

  /** The key under which the HTTP layer looks up the limit of a streamed (chunked) body. */
  static final String STREAMED_LIMIT_KEY = "io.quarkus.max-request-size";

  /** The one path whose body may be larger: a bulk import, read as a stream. */
  static final String IMPORTS_PATH = "/api/v1/imports";

  @ConfigProperty(name = "danvan.http.max-body-size", defaultValue = "10240K")
  MemorySize maxBodySize;

  @ConfigProperty(name = "danvan.imports.max-body-size", defaultValue = "200M")
  MemorySize importBodySize;

  @ConfigProperty(name = "danvan.http.max-uri-length", defaultValue = "8192")
  int maxUriLength;

  @ConfigProperty(name = "danvan.http.max-header-size", defaultValue = "20K")
  MemorySize maxHeaderSize;

  @Inject ObjectMapper mapper;

  void install(@Observes Router router) {
    long headerLimit = maxHeaderSize.asLongValue();
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              HttpServerRequest request = ctx.request();
              if (request.uri().length() > maxUriLength) {
                answer(ctx, 414, "URI_TOO_LONG");
                return;
              }
              if (headerSize(request) > headerLimit) {
                answer(ctx, 431, "HEADERS_TOO_LARGE");
                return;
              }
              String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
              if (declared != null && isAbove(declared, limit(request))) {
                answer(ctx, 413, "PAYLOAD_TOO_LARGE");
                return;
              }
              ctx.next();
            })
        .failureHandler(
            ctx -> {
              switch (ctx.statusCode()) {
                case 413 -> answer(ctx, 413, "PAYLOAD_TOO_LARGE");
                case 414 -> answer(ctx, 414, "URI_TOO_LONG");
                case 431 -> answer(ctx, 431, "HEADERS_TOO_LARGE");
                default -> ctx.next();
              }
            });
    // after the HTTP layer's own limit (order -2), which applies its one limit to every path
    router
        .route()
        .order(-1)
        .handler(
            ctx -> {
              if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                ctx.put(STREAMED_LIMIT_KEY, limit(ctx.request()));
              }
              ctx.next();
            });
  }

  /** The body limit of {@code request}'s path. */
  private long limit(HttpServerRequest request) {
    return IMPORTS_PATH.equals(request.path())
        ? importBodySize.asLongValue()
        : maxBodySize.asLongValue();
  }

  void answer(RoutingContext ctx, int status, String code) {
    if (ctx.response().headWritten()) {
      ctx.response().close();
      return;
    }
    // the path only: the query of an over-long URI is not worth echoing
    String path = ctx.request().path();
    Problem problem =
        ProblemFactory.problem(
            ProblemFactory.locale(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
            status,
            code,
            path == null || path.length() > 200 ? null : path,
            List.of());
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader(HttpHeaders.CONTENT_TYPE, ProblemFactory.PROBLEM_JSON_TYPE)
          .putHeader(HttpHeaders.CONNECTION, "close")
          .end(mapper.writeValueAsString(problem));
    } catch (Exception e) {
      ctx.response().setStatusCode(status).end();
    }
  }

  private static long headerSize(HttpServerRequest request) {
    long size = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      // "name: value\r\n"
      size += header.getKey().length() + header.getValue().length() + 4;
    }
    return size;
  }

  private static boolean isAbove(String declared, long limit) {
    try {
      return Long.parseLong(declared.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
