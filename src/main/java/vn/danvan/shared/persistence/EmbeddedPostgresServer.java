package vn.danvan.shared.persistence;

import io.smallrye.config.ConfigValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** One embedded PostgreSQL server per JVM, started on first demand and stopped at exit. */
final class EmbeddedPostgresServer {

  static final String USER = "postgres";
  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
  private static EmbeddedPostgresServer instance;

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  record Settings(Path dataDir, boolean ephemeral, int port) {
    static Settings from(Function<String, ConfigValue> config) {
      boolean ephemeral =
          Boolean.parseBoolean(value(config, "danvan.embedded-db.ephemeral", "false"));
      Path dir = Path.of(value(config, "danvan.embedded-db.data-dir", "data/postgres"));
      int port = Integer.parseInt(value(config, "danvan.embedded-db.port", "0"));
      return new Settings(dir.toAbsolutePath(), ephemeral, port);
    }

    private static String value(Function<String, ConfigValue> config, String key, String fallback) {
      ConfigValue v = config.apply(key);
      return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
    }
  }

  static synchronized EmbeddedPostgresServer start(Settings settings) {
    if (instance != null) {
      return instance;
    }
    long started = System.nanoTime();
    try {
      Path dataDir =
          settings.ephemeral() ? Files.createTempDirectory("danvan-pg-") : settings.dataDir();
      EmbeddedPostgres pg = open(dataDir, settings.ephemeral(), settings.port());
      instance = new EmbeddedPostgresServer(pg);
      LOG.infof(
          "Embedded PostgreSQL started on port %d in %d ms (data: %s)",
          pg.getPort(),
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          settings.ephemeral() ? "temporary" : dataDir);
      if (settings.ephemeral()) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dataDir)));
      }
      return instance;
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL server could not start", e);
    }
  }

  /**
   * Starts a server on {@code dataDir}, initialising it when empty and reusing it otherwise; a
   * server left running there by a killed process is stopped first.
   */
  static EmbeddedPostgres open(Path dataDir, boolean clean, int port) throws IOException {
    Files.createDirectories(dataDir);
    stopOrphanPostmaster(dataDir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(clean)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "128MB")
            .setServerConfig("timezone", "UTC")
            .setLocaleConfig("encoding", "UTF8")
            .setLocaleConfig("locale", "C.UTF-8");
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  /**
   * The URL of {@code database} on this server, created on first use: a test profile may ask for a
   * database of its own so that its data stays apart from other tests.
   */
  synchronized String jdbcUrl(String database) {
    if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "danvan.embedded-db.database must be a lower-case identifier");
    }
    if (!database.equals("postgres")) {
      try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
          java.sql.Statement s = c.createStatement();
          java.sql.ResultSet rs =
              s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        if (!rs.next()) {
          s.execute("create database " + database);
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Could not create the embedded database " + database, e);
      }
    }
    return postgres.getJdbcUrl(USER, database);
  }

  /**
   * A JVM killed with SIGKILL leaves its postmaster running with the data directory locked. The
   * data directory belongs to this service, so such a server is stopped before a new one starts.
   */
  static void stopOrphanPostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> process =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
      LOG.warnf(
          "Stopping a PostgreSQL server left behind by an earlier run (pid %d)",
          process.get().pid());
      process.get().destroy();
      try {
        process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        process.get().destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile);
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.contains("postgres")).orElse(true);
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }
}
