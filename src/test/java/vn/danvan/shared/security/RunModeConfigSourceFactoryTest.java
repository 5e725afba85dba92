package vn.danvan.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The defaults of each run mode: demo accounts listen on 127.0.0.1 unless a host is set; an
 * external database turns OIDC on and allows no browser origin.
 */
class RunModeConfigSourceFactoryTest {

  private final Map<String, ConfigValue> config = new HashMap<>();

  private void set(String name, String value, int ordinal) {
    config.put(
        name,
        ConfigValue.builder()
            .withName(name)
            .withValue(value)
            .withConfigSourceOrdinal(ordinal)
            .build());
  }

  private Map<String, String> defaults() {
    return RunModeConfigSourceFactory.defaults(config::get);
  }

  @Test
  void embeddedWithDemoAccountsListensOnLoopbackAndHasNoOidc() {
    assertThat(defaults())
        .containsEntry("quarkus.http.host", "127.0.0.1")
        .containsEntry("quarkus.management.host", "127.0.0.1")
        .containsEntry("quarkus.oidc.tenant-enabled", "false");
  }

  @Test
  void anExplicitHostWins() {
    set("quarkus.http.host", "0.0.0.0", 300); // QUARKUS_HTTP_HOST
    assertThat(defaults())
        .doesNotContainKey("quarkus.http.host")
        .containsEntry("quarkus.management.host", "127.0.0.1");
  }

  @Test
  void quarkusOwnDefaultsAreNotExplicit() {
    set("quarkus.http.host", "localhost", Integer.MIN_VALUE); // the dev-mode default
    assertThat(defaults()).containsEntry("quarkus.http.host", "127.0.0.1");
  }

  @Test
  void withoutDemoAccountsNothingIsNarrowed() {
    set("danvan.security.demo-accounts.enabled", "false", 300);
    assertThat(defaults())
        .doesNotContainKeys("quarkus.http.host", "quarkus.management.host")
        .containsEntry("quarkus.oidc.tenant-enabled", "false");
  }

  @Test
  void externalDatabaseTurnsOidcOnAndListensEverywhere() {
    set("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/app", 300);
    assertThat(defaults())
        .containsEntry("quarkus.oidc.tenant-enabled", "true")
        .doesNotContainKeys("quarkus.http.host", "quarkus.management.host");
  }

  @Test
  void browsersOnLocalDevOriginsOnlyWithTheEmbeddedDatabase() {
    assertThat(defaults().get("danvan.cors.origins"))
        .contains("http://localhost:5173", "http://127.0.0.1:3000", "http://localhost:4200")
        .doesNotContain("https://");
    set("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/app", 300);
    assertThat(defaults()).doesNotContainKey("danvan.cors.origins");
  }
}
