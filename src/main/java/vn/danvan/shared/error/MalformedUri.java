package vn.danvan.shared.error;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A request URI that is not a URI ({@code ?q=%zz}, a truncated {@code %E0%A4%A}, a raw {@code |})
 * is answered 400 problem+json {@code MALFORMED_URI} before anything reads it, right after the size
 * limits of {@link BodyLimit}. Quarkus makes the same check before any route and answers an empty
 * 400; {@link #DISABLE_EARLY_CHECK} switches that one off (it is a system property, set by {@code
 * vn.danvan.Main} and by the test runs), so that this check answers instead.
 */
@ApplicationScoped
public class MalformedUri {

  /** The system property that turns off the HTTP layer's own check (read when it starts). */
  public static final String DISABLE_EARLY_CHECK = "vertx.disableURIValidation";

  @Inject BodyLimit answers;

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            ctx -> {
              if (!wellFormed(ctx.request().uri())) {
                answers.answer(ctx, 400, "MALFORMED_URI");
                return;
              }
              ctx.next();
            });
  }

  /**
   * Whether {@code uri} is a URI (the check the HTTP layer makes) whose query decodes as the HTTP
   * layer will decode it.
   */
  static boolean wellFormed(String uri) {
    if (uri == null) {
      return false;
    }
    try {
      new URI(uri);
      int query = uri.indexOf('?');
      if (query >= 0 && uri.indexOf('%', query) >= 0) {
        new QueryStringDecoder(uri.substring(query + 1), false).parameters();
      }
      return true;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }
}
