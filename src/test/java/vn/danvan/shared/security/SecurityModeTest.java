package vn.danvan.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Demo accounts can never come with an external database. */
class SecurityModeTest {

  @Test
  void externalDatabaseWithDemoAccountsRefusesToStart() {
    SecurityMode mode = mode(false, Optional.of(true));
    assertThatThrownBy(() -> mode.check(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("external database");
    assertThat(mode.demoAccountsEnabled()).isFalse();
  }

  @Test
  void externalDatabaseDefaultsToNoDemoAccounts() {
    SecurityMode mode = mode(false, Optional.empty());
    mode.check(null);
    assertThat(mode.demoAccountsEnabled()).isFalse();
  }

  @Test
  void embeddedDatabaseDefaultsToDemoAccountsThatCanBeTurnedOff() {
    assertThat(mode(true, Optional.empty()).demoAccountsEnabled()).isTrue();
    assertThat(mode(true, Optional.of(false)).demoAccountsEnabled()).isFalse();
  }

  private static SecurityMode mode(boolean embedded, Optional<Boolean> demo) {
    SecurityMode mode = new SecurityMode();
    mode.embeddedDatabase = embedded;
    mode.demoAccounts = demo;
    return mode;
  }
}
