package vn.danvan.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Demo accounts can never come with an external database, and an external database never runs
 * without OIDC.
 */
class SecurityModeTest {

  @Test
  void externalDatabaseWithDemoAccountsRefusesToStart() {
    SecurityMode mode = mode(false, Optional.of(true), true);
    assertThatThrownBy(mode::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("external database");
    assertThat(mode.demoAccountsEnabled()).isFalse();
  }

  @Test
  void externalDatabaseDefaultsToNoDemoAccounts() {
    SecurityMode mode = mode(false, Optional.empty(), true);
    mode.check();
    assertThat(mode.demoAccountsEnabled()).isFalse();
  }

  @Test
  void externalDatabaseWithoutOidcRefusesToStartAndSaysWhatToSet() {
    SecurityMode mode = mode(false, Optional.empty(), false);
    assertThatThrownBy(mode::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs OIDC")
        .hasMessageContaining("QUARKUS_OIDC_AUTH_SERVER_URL");
  }

  @Test
  void embeddedDatabaseDefaultsToDemoAccountsThatCanBeTurnedOff() {
    assertThat(mode(true, Optional.empty(), false).demoAccountsEnabled()).isTrue();
    assertThat(mode(true, Optional.of(false), false).demoAccountsEnabled()).isFalse();
    mode(true, Optional.empty(), false).check();
  }

  @Test
  void startupLineSaysWhereTheDemoAccountsListen() {
    assertThat(SecurityMode.listeningMessage("127.0.0.1", RunModeConfigSourceFactory.NAME))
        .contains("listening on 127.0.0.1 only")
        .contains("QUARKUS_HTTP_HOST");
    assertThat(SecurityMode.listeningMessage("0.0.0.0", "EnvConfigSource"))
        .contains("QUARKUS_HTTP_HOST=0.0.0.0 is set");
  }

  private static SecurityMode mode(boolean embedded, Optional<Boolean> demo, boolean oidc) {
    SecurityMode mode = new SecurityMode();
    mode.embeddedDatabase = embedded;
    mode.demoAccounts = demo;
    mode.oidc = oidc;
    return mode;
  }
}
