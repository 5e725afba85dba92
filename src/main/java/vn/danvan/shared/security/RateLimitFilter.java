package vn.danvan.shared.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.danvan.shared.error.ProblemFactory;
import vn.danvan.shared.error.ProblemMappers;

/**
 * Applies the per-account rate limit ({@link RateLimiter}) to every API request of an authenticated
 * caller: 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After} when its bucket is empty.
 * Anonymous and failed authentications pass through to the usual 401.
 */
public class RateLimitFilter {

  @Inject RateLimiter limiter;
  @Inject CurrentIdentityAssociation identities;

  @ServerRequestFilter
  public Uni<Response> limit(ContainerRequestContext request) {
    if (!limiter.enabled()) {
      return Uni.createFrom().nullItem();
    }
    return identities
        .getDeferredIdentity()
        .onFailure()
        .recoverWithNull()
        .map(identity -> refuse(identity, request));
  }

  private Response refuse(SecurityIdentity identity, ContainerRequestContext request) {
    if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
      return null;
    }
    long wait = limiter.tryConsume(identity.getPrincipal().getName());
    if (wait == 0) {
      return null;
    }
    return ProblemMappers.tooManyRequests(
        ProblemFactory.locale(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
        "TOO_MANY_REQUESTS",
        request.getUriInfo().getPath(),
        RateLimiter.retryAfterSeconds(wait));
  }
}
