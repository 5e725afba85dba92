package vn.danvan.shared.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which authentication the service accepts. Demo accounts default to on with the embedded database
 * and off otherwise; with an external database they cannot be turned on, and OIDC must be: the
 * service refuses to start rather than expose a real database behind well-known passwords, or run
 * healthy while refusing every request. While demo accounts are on it listens on 127.0.0.1 unless a
 * host is set ({@link RunModeConfigSourceFactory}), and says so.
 */
@ApplicationScoped
public class SecurityMode {

  /** Before the demo data and everything else that observes startup. */
  public static final int STARTUP_PRIORITY = 10;

  private static final Logger LOG = Logger.getLogger(SecurityMode.class);

  @ConfigProperty(name = "danvan.embedded-db.active", defaultValue = "false")
  boolean embeddedDatabase;

  @ConfigProperty(name = "danvan.security.demo-accounts.enabled")
  Optional<Boolean> demoAccounts;

  @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
  boolean oidc;

  void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
    check();
    if (demoAccountsEnabled()) {
      var host = ConfigProvider.getConfig().getConfigValue("quarkus.http.host");
      LOG.info(listeningMessage(host.getValue(), host.getSourceName()));
    }
  }

  void check() {
    if (!embeddedDatabase && demoAccounts.orElse(false)) {
      throw new IllegalStateException(
          "Demo accounts (danvan.security.demo-accounts.enabled=true) are not allowed with an"
              + " external database; configure OIDC (quarkus.oidc.*) instead.");
    }
    if (!embeddedDatabase && !oidc) {
      throw new IllegalStateException(
          "An external database needs OIDC, or every request would be refused: leave"
              + " QUARKUS_OIDC_TENANT_ENABLED unset (true with an external database) and set"
              + " QUARKUS_OIDC_AUTH_SERVER_URL to the realm, e.g."
              + " http://localhost:8180/realms/danvan.");
    }
  }

  /** The startup line that says where the demo accounts can be reached from. */
  static String listeningMessage(String host, String source) {
    if (source != null && source.contains(RunModeConfigSourceFactory.NAME)) {
      return "Demo accounts are on (password = user name): listening on "
          + host
          + " only; set QUARKUS_HTTP_HOST (e.g. 0.0.0.0) to be reachable from other machines.";
    }
    return "Demo accounts are on (password = user name) and QUARKUS_HTTP_HOST="
        + host
        + " is set: whoever reaches that address can log in with them.";
  }

  public boolean demoAccountsEnabled() {
    return embeddedDatabase && demoAccounts.orElse(true);
  }

  public boolean embeddedDatabase() {
    return embeddedDatabase;
  }
}
