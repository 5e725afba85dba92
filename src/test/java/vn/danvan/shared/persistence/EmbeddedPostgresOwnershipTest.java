package vn.danvan.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory belongs to one running instance: a second one refuses it, a {@code
 * postmaster.pid} is trusted only when it names a PostgreSQL server of this very directory, and an
 * instance stopped while its server is starting leaves no server behind. (A server left by a killed
 * instance is stopped: {@link EmbeddedPostgresRestartTest}.)
 */
class EmbeddedPostgresOwnershipTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aSecondInstanceRefusesTheDirectoryAndTheFirstKeepsItsDatabase() throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("pg"));
    Child child = startInstance(data);
    Process first = child.process();
    try {
      int port = awaitReady(child);

      assertThatThrownBy(() -> EmbeddedPostgresServer.open(data, false, 0, true))
          .isInstanceOf(DataDirectoryLock.InUseException.class)
          .hasMessageContaining(
              "is in use by another running Dân Vận instance (pid " + first.pid() + ")")
          .hasMessageContaining("DANVAN_EMBEDDED_DB_DATA_DIR");

      assertThat(first.isAlive()).isTrue();
      assertThat(selectOne(port)).as("the first instance's database still answers").isEqualTo(1);
    } finally {
      first.destroy();
      first.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Test
  void aStalePidFileNamingAnUnrelatedProcessLeavesThatProcessAlone() throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("pg"));
    Process unrelated = new ProcessBuilder("sleep", "300").start();
    try {
      Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n");

      try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(data, false, 0, true)) {
        assertThat(selectOne(server.postgres().getPort())).isEqualTo(1);
      }

      assertThat(unrelated.isAlive()).as("the process named by the stale file").isTrue();
    } finally {
      unrelated.destroyForcibly();
    }
  }

  @Test
  void aPidFileNamingTheServerOfAnotherDirectoryLeavesThatServerAlone() throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("pg"));
    Path otherData = InitialisedDataDirectory.copyTo(dir.resolve("other"));
    try (EmbeddedPostgresServer other = EmbeddedPostgresServer.open(otherData, false, 0, true)) {
      long otherPid = postmasterPid(otherData).orElseThrow();
      Files.writeString(data.resolve("postmaster.pid"), otherPid + "\n" + data + "\n");

      try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(data, false, 0, true)) {
        assertThat(selectOne(server.postgres().getPort())).isEqualTo(1);
      }

      assertThat(ProcessHandle.of(otherPid).map(ProcessHandle::isAlive)).contains(true);
      assertThat(selectOne(other.postgres().getPort())).isEqualTo(1);
    }
  }

  @Test
  void sigtermWhileTheServerStartsLeavesNoServerRunning() throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("pg")); // no initdb in the child
    Process instance = startInstance(data).process();
    try {
      long postmaster = await(() -> postmasterPid(data), "the postmaster to be launched");

      instance.destroy(); // SIGTERM, most likely before the server accepts connections

      assertThat(instance.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      await(
          () ->
              ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)
                  ? Optional.empty()
                  : Optional.of(true),
          "the postmaster to stop");
    } finally {
      instance.destroyForcibly();
    }
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(data, false, 0, true)) {
      assertThat(selectOne(server.postgres().getPort())).isEqualTo(1);
    }
  }

  @Test
  void theApplicationRestartedInTheSameJvmReusesItsServer() throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("pg"));
    EmbeddedPostgresServer.Settings settings =
        new EmbeddedPostgresServer.Settings(data, false, 0, true);
    // the server of the Quarkus tests that ran before in this JVM, if any, is put back afterwards
    EmbeddedPostgresServer shared = replaceInstance(null);
    EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings);
    try {
      replaceInstance(null); // a dev mode restart loads the application's classes afresh

      EmbeddedPostgresServer second = EmbeddedPostgresServer.start(settings);

      assertThat(second.jdbcUrl("postgres")).isEqualTo(first.jdbcUrl("postgres"));
      assertThat(selectOne(first.postgres().getPort())).isEqualTo(1);
    } finally {
      first.close();
      replaceInstance(shared);
    }
  }

  private static EmbeddedPostgresServer replaceInstance(EmbeddedPostgresServer server)
      throws ReflectiveOperationException {
    java.lang.reflect.Field instance = EmbeddedPostgresServer.class.getDeclaredField("instance");
    instance.setAccessible(true);
    EmbeddedPostgresServer before = (EmbeddedPostgresServer) instance.get(null);
    instance.set(null, server);
    return before;
  }

  /** Started in its own JVM: opens the server on a directory, says READY, runs until stopped. */
  public static final class Instance {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgresServer server = EmbeddedPostgresServer.open(Path.of(args[0]), false, 0, true);
      System.out.println("READY " + server.postgres().getPort());
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
  }

  /** A child JVM and the file its output goes to. */
  private record Child(Process process, Path log) {}

  private Child startInstance(Path data) throws Exception {
    Path log = Files.createTempFile(dir, "instance", ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Instance.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new Child(process, log);
  }

  /** The port of the child's server, once it accepts connections. */
  private static int awaitReady(Child child) throws Exception {
    return await(
        () -> {
          if (!child.process().isAlive()) {
            throw new AssertionError("the child JVM ended: " + read(child.log()));
          }
          return read(child.log())
              .lines()
              .filter(l -> l.startsWith("READY "))
              .findFirst()
              .map(l -> Integer.parseInt(l.substring("READY ".length()).trim()));
        },
        "the child's server");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static Optional<Long> postmasterPid(Path data) {
    try {
      List<String> lines =
          Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (java.io.IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static <T> T await(Supplier<Optional<T>> condition, String what) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> value = condition.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("Gave up waiting for " + what);
  }

  private static int selectOne(int port) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
