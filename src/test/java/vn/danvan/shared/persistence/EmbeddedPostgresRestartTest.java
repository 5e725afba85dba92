package vn.danvan.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps its data across restarts, also after the service was killed with
 * SIGKILL (its postmaster survives the JVM and must not block the next start).
 */
class EmbeddedPostgresRestartTest {

  @TempDir Path dir;

  @Test
  void dataSurvivesARestartAndAKill() throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("pg"));
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(data, false, 0, true)) {
      execute(
          server.postgres(),
          "create table kept (note text)",
          "insert into kept values ('Sổ tiếp công dân')");
    }
    // a separate JVM starts the server on the same directory and is killed with SIGKILL
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("READY")) {
        // wait until the child's server accepts connections
      }
      assertThat(line).as("child JVM started its server").startsWith("READY");
    }
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(Files.exists(data.resolve("postmaster.pid")))
        .as("the orphan postmaster still runs")
        .isTrue();

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(data, false, 0, true)) {
      assertThat(query(server.postgres(), "select note from kept"))
          .containsExactly("Sổ tiếp công dân");
    }
  }

  /**
   * A running server registers its port among the system properties as a String: the transaction
   * manager copies them all at startup and failed on any other value (the packaged application did
   * not start on a data directory of its own).
   */
  @Test
  void theRegisteredPortIsAStringSystemProperty() throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("registered"));
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(data, false, 0, true)) {
      java.util.Properties copy = new java.util.Properties();
      for (String name : System.getProperties().stringPropertyNames()) {
        copy.setProperty(name, System.getProperty(name));
      }
      assertThat(System.getProperties().keySet())
          .allSatisfy(k -> assertThat(System.getProperties().get(k)).isInstanceOf(String.class));
      assertThat(copy.values()).contains(Integer.toString(server.postgres().getPort()));
    }
  }

  /** Started in its own JVM: opens the server, says READY, waits to be killed. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgresServer server = EmbeddedPostgresServer.open(Path.of(args[0]), false, 0, true);
      System.out.println("READY " + server.postgres().getPort());
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
  }

  private static void execute(EmbeddedPostgres pg, String... sql) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static List<String> query(EmbeddedPostgres pg, String sql) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
