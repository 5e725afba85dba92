package vn.danvan.shared.error;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * The language of bean-validation messages: the one {@link ProblemFactory#locale(String)} picks for
 * the rest of the problem, so that a title and its field messages never differ ({@code *}, or
 * {@code fr, en-GB;q=0.8, vi;q=0.5}, would otherwise pick differently). Asked before Quarkus' own
 * resolver (higher priority); outside a request it leaves the choice to it.
 */
@Singleton
@Priority(100)
public class RequestLocaleResolver implements LocaleResolver {

  @Inject CurrentVertxRequest request;

  @Override
  public Locale resolve(LocaleResolverContext context) {
    if (!Arc.container().requestContext().isActive()) {
      return null;
    }
    RoutingContext current = request.getCurrent();
    if (current == null) {
      return null;
    }
    return ProblemFactory.locale(current.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }
}
