package vn.danvan.shared.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which authentication the service accepts. Demo accounts default to on with the embedded database
 * and off otherwise; with an external database they cannot be turned on: the service refuses to
 * start rather than expose a real database behind well-known passwords.
 */
@ApplicationScoped
public class SecurityMode {

  @ConfigProperty(name = "danvan.embedded-db.active", defaultValue = "false")
  boolean embeddedDatabase;

  @ConfigProperty(name = "danvan.security.demo-accounts.enabled")
  Optional<Boolean> demoAccounts;

  @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
  boolean oidc;

  void check(@Observes StartupEvent event) {
    if (!embeddedDatabase && demoAccounts.orElse(false)) {
      throw new IllegalStateException(
          "Demo accounts (danvan.security.demo-accounts.enabled=true) are not allowed with an"
              + " external database; configure OIDC (quarkus.oidc.*) instead.");
    }
  }

  public boolean demoAccountsEnabled() {
    return embeddedDatabase && demoAccounts.orElse(true);
  }

  public boolean oidcEnabled() {
    return oidc;
  }

  public boolean embeddedDatabase() {
    return embeddedDatabase;
  }
}
