package vn.danvan.shared.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body exceeds {@code quarkus.http.limits.max-body-size} is answered 413
 * as problem+json before anything reads it (the HTTP layer's own 413 has no body).
 */
@ApplicationScoped
public class BodyLimit {

  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
  MemorySize maxBodySize;

  @Inject ObjectMapper mapper;

  void install(@Observes Router router) {
    long limit = maxBodySize.asLongValue();
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (declared != null && isAbove(declared, limit)) {
                Problem problem =
                    ProblemFactory.problem(
                        ProblemFactory.locale(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
                        413,
                        "PAYLOAD_TOO_LARGE",
                        ctx.request().path(),
                        List.of());
                try {
                  ctx.response()
                      .setStatusCode(413)
                      .putHeader(HttpHeaders.CONTENT_TYPE, ProblemFactory.PROBLEM_JSON_TYPE)
                      .putHeader(HttpHeaders.CONNECTION, "close")
                      .end(mapper.writeValueAsString(problem));
                } catch (Exception e) {
                  ctx.response().setStatusCode(413).end();
                }
                return;
              }
              ctx.next();
            });
  }

  private static boolean isAbove(String declared, long limit) {
    try {
      return Long.parseLong(declared.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
