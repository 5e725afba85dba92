package vn.danvan.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.danvan.shared.error.Problem;
import vn.danvan.shared.error.ProblemFactory;

/**
 * Cross-origin calls from browsers (CORS) for the origins listed in {@code danvan.cors.origins}
 * ({@code DANVAN_CORS_ORIGINS}, comma-separated, e.g. {@code https://app.danvan.example.gov.vn}):
 * none by default with an external database, the usual local development servers with the embedded
 * one ({@link vn.danvan.shared.security.RunModeConfigSourceFactory}).
 *
 * <ul>
 *   <li>A preflight from a listed origin is answered 204 with the methods and request headers the
 *       API accepts; from any other origin 403 problem+json {@code CORS_ORIGIN_NOT_ALLOWED},
 *       without CORS headers.
 *   <li>Every other response to a listed origin, errors of any layer included, allows that origin
 *       and exposes the headers a client reads ({@link #EXPOSED_HEADERS}); a response to another
 *       origin carries no CORS header, so the browser withholds it from the page. Such requests are
 *       still served: a same-origin page (Swagger UI) sends {@code Origin} too.
 * </ul>
 *
 * No credentials mode: the API authenticates with the {@code Authorization} header, never cookies.
 * Quarkus' own filter ({@code quarkus.http.cors.*}) is not used: it answers a foreign origin 403
 * without a body even outside a preflight, and adds the allowed methods and headers to that answer.
 */
@ApplicationScoped
public class Cors {

  /** Its route goes in right after {@link SecurityHeaders}' one, both before every other route. */
  static final int OBSERVER_PRIORITY = SecurityHeaders.OBSERVER_PRIORITY + 1;

  static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  static final List<String> REQUEST_HEADERS =
      List.of(
          "Authorization",
          "Content-Type",
          "Accept",
          "Accept-Language",
          "If-Match",
          "If-None-Match",
          Idempotency.HEADER,
          "Prefer");

  static final List<String> EXPOSED_HEADERS =
      List.of(
          "ETag",
          "Location",
          Idempotency.REPLAYED_HEADER,
          "Retry-After",
          "Content-Disposition",
          "Preference-Applied");

  /** How long a browser may reuse a preflight's answer. */
  static final Duration MAX_AGE = Duration.ofMinutes(10);

  private static final Logger LOG = Logger.getLogger(Cors.class);

  @ConfigProperty(name = "danvan.cors.origins")
  Optional<List<String>> configured;

  @Inject ObjectMapper mapper;

  private Set<String> origins = Set.of();

  void install(@Observes @Priority(OBSERVER_PRIORITY) Router router) {
    origins = origins(configured.orElse(List.of()));
    if (origins.isEmpty()) {
      return;
    }
    LOG.infof("Browsers on these origins may call the API (danvan.cors.origins): %s", origins);
    router.route().order(Integer.MIN_VALUE).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      ctx.next();
      return;
    }
    boolean allowed = origins.contains(origin);
    HttpServerResponse response = ctx.response();
    boolean preflight =
        request.method() == HttpMethod.OPTIONS
            && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    response.headers().add(HttpHeaders.VARY, "Origin");
    if (preflight) {
      if (allowed) {
        response
            .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
            .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", METHODS))
            .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", REQUEST_HEADERS))
            .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Long.toString(MAX_AGE.toSeconds()))
            .setStatusCode(204)
            .end();
      } else {
        refuse(ctx);
      }
      return;
    }
    if (allowed) {
      // at the end, so that no later layer (an error handler resetting headers) drops them
      ctx.addHeadersEndHandler(
          v ->
              response
                  .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                  .putHeader(
                      HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                      String.join(", ", EXPOSED_HEADERS)));
    }
    ctx.next();
  }

  private void refuse(RoutingContext ctx) {
    String path = ctx.request().path();
    Problem problem =
        ProblemFactory.problem(
            ProblemFactory.locale(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
            403,
            "CORS_ORIGIN_NOT_ALLOWED",
            path == null || path.length() > 200 ? null : path,
            List.of());
    HttpServerResponse response =
        ctx.response()
            .setStatusCode(403)
            .putHeader(HttpHeaders.CONTENT_TYPE, ProblemFactory.PROBLEM_JSON_TYPE);
    try {
      response.end(mapper.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      response.end();
    }
  }

  /**
   * The configured origins as browsers send them ({@code scheme://host[:port]}, lower case, no
   * default port); anything else stops the service at startup rather than silently never match.
   */
  static Set<String> origins(List<String> configured) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : configured) {
      String value = raw == null ? "" : raw.strip();
      if (value.isEmpty()) {
        continue;
      }
      out.add(origin(value));
    }
    return Set.copyOf(out);
  }

  private static String origin(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null ? null : uri.getScheme();
    if (uri == null
        || scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalStateException(
          "danvan.cors.origins: '"
              + value
              + "' is not an origin; list origins as scheme://host[:port] without a path or a"
              + " trailing slash, e.g. https://app.danvan.example.gov.vn (no wildcards).");
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    return s + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
