package vn.danvan.shared.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * HTTP Basic for the demo accounts; refuses everyone when demo accounts are off. A user name that
 * failed too often is refused for a while whatever the password ({@link LoginThrottle}).
 */
@ApplicationScoped
public class DemoAccountIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  public static final String HOME_UNIT_ATTRIBUTE = "danvan.home-unit";
  public static final String SOURCE_SYSTEM_ATTRIBUTE = "danvan.source-system";

  @Inject SecurityMode mode;
  @Inject LoginThrottle throttle;

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!mode.demoAccountsEnabled()) {
      return Uni.createFrom().failure(new AuthenticationFailedException());
    }
    String username = request.getUsername();
    java.time.Duration wait = throttle.waitFor(username);
    if (!wait.isZero()) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException(new LoginThrottle.Throttled(wait)));
    }
    String password = new String(request.getPassword().getPassword());
    java.util.Optional<DemoAccounts.Account> account =
        DemoAccounts.find(username)
            .filter(
                a ->
                    MessageDigest.isEqual(
                        a.username().getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8)));
    if (account.isEmpty()) {
      throttle.failed(username);
    } else {
      throttle.succeeded(username);
    }
    return account
        .<Uni<SecurityIdentity>>map(a -> Uni.createFrom().item(identity(a)))
        .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
  }

  private static SecurityIdentity identity(DemoAccounts.Account a) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(a.username()))
            .addRole(a.role())
            .addAttribute(HOME_UNIT_ATTRIBUTE, a.homeUnitId());
    if (a.sourceSystem() != null) {
      builder.addAttribute(SOURCE_SYSTEM_ATTRIBUTE, a.sourceSystem());
    }
    return builder.build();
  }
}
