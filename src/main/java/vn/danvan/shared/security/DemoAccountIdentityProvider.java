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

/** HTTP Basic for the demo accounts; refuses everyone when demo accounts are off. */
@ApplicationScoped
public class DemoAccountIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  public static final String HOME_UNIT_ATTRIBUTE = "danvan.home-unit";

  @Inject SecurityMode mode;

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
    String password = new String(request.getPassword().getPassword());
    return DemoAccounts.find(username)
        .filter(
            a ->
                MessageDigest.isEqual(
                    a.username().getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8)))
        .<Uni<SecurityIdentity>>map(
            a ->
                Uni.createFrom()
                    .item(
                        QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(a.username()))
                            .addRole(a.role())
                            .addAttribute(HOME_UNIT_ATTRIBUTE, a.homeUnitId())
                            .build()))
        .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
  }
}
