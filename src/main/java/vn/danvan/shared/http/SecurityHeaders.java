package vn.danvan.shared.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Security headers on every response of the API's port, whichever layer answers it (resources,
 * problem mappers, the size and URI checks, the HTTP layer's own 404/405):
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} always;
 *   <li>{@code Cache-Control: no-store} on {@code /api/}: the API's answers carry personal data or
 *       depend on the caller's scope, and none is meant to be cached;
 *   <li>{@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'} (nothing may
 *       run, load or frame a response), except on Swagger UI, which runs its own scripts and gets
 *       {@code frame-ancestors 'none'} only;
 *   <li>{@code Strict-Transport-Security} when the request came over TLS: directly, or through a
 *       proxy whose {@code X-Forwarded-Proto}/{@code Forwarded} headers are trusted ({@code
 *       quarkus.http.proxy.proxy-address-forwarding} and {@code allow-x-forwarded}/{@code
 *       allow-forwarded}).
 * </ul>
 *
 * A header the response already has (the attachments' {@code Content-Security-Policy: sandbox}, the
 * downloads' {@code Cache-Control}) is kept.
 */
@ApplicationScoped
public class SecurityHeaders {

  /**
   * Observed before {@code BodyLimit}: its route then comes first among the routes of order min.
   */
  static final int OBSERVER_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;

  static final String API_PATH = "/api/";
  static final String SWAGGER_UI_PATH = "/q/swagger-ui";
  static final String CSP = "Content-Security-Policy";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String SWAGGER_UI_POLICY = "frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000";

  void install(@Observes @Priority(OBSERVER_PRIORITY) Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              ctx.addHeadersEndHandler(v -> apply(ctx));
              ctx.next();
            });
  }

  static void apply(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    String path = ctx.request().path();
    path = path == null ? "" : path;
    headers.set("X-Content-Type-Options", "nosniff");
    setIfAbsent(headers, "Referrer-Policy", "no-referrer");
    boolean swaggerUi = path.equals(SWAGGER_UI_PATH) || path.startsWith(SWAGGER_UI_PATH + "/");
    setIfAbsent(headers, CSP, swaggerUi ? SWAGGER_UI_POLICY : API_POLICY);
    if (path.startsWith(API_PATH)) {
      setIfAbsent(headers, HttpHeaders.CACHE_CONTROL.toString(), "no-store");
    }
    if ("https".equalsIgnoreCase(ctx.request().scheme())) {
      setIfAbsent(headers, "Strict-Transport-Security", HSTS);
    }
  }

  private static void setIfAbsent(MultiMap headers, String name, String value) {
    if (!headers.contains(name)) {
      headers.set(name, value);
    }
  }
}
