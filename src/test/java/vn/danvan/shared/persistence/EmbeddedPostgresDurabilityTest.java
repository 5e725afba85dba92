package vn.danvan.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server keeps acknowledged writes: it runs with fsync, synchronous_commit and
 * full_page_writes on (the embedding library's own defaults switch the first two off), and only the
 * test profile may relax that.
 */
class EmbeddedPostgresDurabilityTest {

  private static final List<String> DURABILITY =
      List.of("fsync", "synchronous_commit", "full_page_writes");

  @TempDir Path dir;

  @Test
  void theRunModeServerReportsFsyncSynchronousCommitAndFullPageWritesOn() throws Exception {
    EmbeddedPostgresServer.Settings settings =
        EmbeddedPostgresServer.Settings.from(
            config(Map.of("danvan.embedded-db.data-dir", initialised().toString())),
            List.of("prod"));

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(settings)) {
      assertThat(show(server, DURABILITY)).containsExactly("on", "on", "on");
    }
  }

  @Test
  void theTestProfileMayRelaxDurability() throws Exception {
    EmbeddedPostgresServer.Settings settings =
        EmbeddedPostgresServer.Settings.from(
            config(
                Map.of(
                    "danvan.embedded-db.data-dir",
                    initialised().toString(),
                    EmbeddedPostgresServer.DURABLE,
                    "false")),
            List.of("test"));

    assertThat(settings.durable()).isFalse();
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(settings)) {
      assertThat(show(server, List.of("fsync", "synchronous_commit")))
          .containsExactly("off", "off");
    }
  }

  @Test
  void theRelaxationIsIgnoredOutsideTheTestProfile() {
    Map<String, String> relaxed = Map.of(EmbeddedPostgresServer.DURABLE, "false");
    for (List<String> profiles : List.of(List.of("prod"), List.of("dev"), List.<String>of())) {
      assertThat(EmbeddedPostgresServer.Settings.from(config(relaxed), profiles).durable())
          .as("profiles %s", profiles)
          .isTrue();
    }
    assertThat(EmbeddedPostgresServer.Settings.from(config(Map.of()), List.of("test")).durable())
        .as("durable unless asked otherwise, also in tests")
        .isTrue();
  }

  private Path initialised() throws java.io.IOException {
    return InitialisedDataDirectory.copyTo(dir.resolve("pg"));
  }

  private static Function<String, ConfigValue> config(Map<String, String> values) {
    Map<String, String> copy = new HashMap<>(values);
    return name ->
        copy.containsKey(name)
            ? ConfigValue.builder().withName(name).withValue(copy.get(name)).build()
            : null;
  }

  private static List<String> show(EmbeddedPostgresServer server, List<String> names)
      throws Exception {
    try (Connection c = server.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      List<String> values = new java.util.ArrayList<>();
      for (String name : names) {
        try (ResultSet rs = s.executeQuery("show " + name)) {
          rs.next();
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }
}
