package vn.danvan.shared.persistence;

import io.smallrye.config.ConfigValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL server: one per JVM for the application ({@link #start}), started on
 * first demand and stopped at exit, even when the exit comes while it is still starting.
 *
 * <p>It runs durably ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on): the
 * embedding library's defaults are made for throw-away test databases. Only the test profile may
 * relax this, for speed.
 *
 * <p>A data directory belongs to one running instance at a time ({@link DataDirectoryLock}). A
 * server found running on it is stopped only when it really is a PostgreSQL server of this
 * directory and the instance that started it is gone.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  static final String USER = "postgres";
  static final String DURABLE = "danvan.embedded-db.durable";
  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  /** Held while a server starts or stops, so that the exit hook sees it started or not at all. */
  private static final ReentrantLock LIFECYCLE = new ReentrantLock();

  private static final List<EmbeddedPostgresServer> RUNNING = new ArrayList<>();
  private static volatile boolean exiting;
  private static boolean hookRegistered;
  private static volatile Path starting;
  private static EmbeddedPostgresServer instance;

  /**
   * System property naming, per data directory, the port of the server this JVM runs there: a dev
   * mode restart loads this class afresh (empty statics) while the JVM, its lock and its server
   * live on, so the new generation of the application reuses that server.
   */
  private static final String JVM_SERVER = "vn.danvan.embedded-db.port:";

  private final EmbeddedPostgres postgres;
  private final DataDirectoryLock owner;
  private final boolean temporary;
  private final int port;
  private final String registered;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres, DataDirectoryLock owner, boolean temporary, Path dir) {
    this.postgres = postgres;
    this.owner = owner;
    this.temporary = temporary;
    this.port = postgres.getPort();
    this.registered = temporary ? null : JVM_SERVER + dir;
    if (registered != null) {
      // a String: code that copies the system properties (Narayana does at startup) fails on
      // other values
      System.setProperty(registered, Integer.toString(port));
    }
  }

  /** A server started by an earlier generation of the application in this JVM. */
  private EmbeddedPostgresServer(int port) {
    this.postgres = null;
    this.owner = null;
    this.temporary = false;
    this.port = port;
    this.registered = null;
  }

  record Settings(Path dataDir, boolean ephemeral, int port, boolean durable) {
    static Settings from(Function<String, ConfigValue> config, List<String> profiles) {
      boolean ephemeral =
          Boolean.parseBoolean(value(config, "danvan.embedded-db.ephemeral", "false"));
      Path dir = Path.of(value(config, "danvan.embedded-db.data-dir", "data/postgres"));
      int port = Integer.parseInt(value(config, "danvan.embedded-db.port", "0"));
      boolean durable = true;
      if (!Boolean.parseBoolean(value(config, DURABLE, "true"))) {
        if (profiles.contains("test")) {
          durable = false;
        } else {
          LOG.warnf(
              "%s=false is honoured only by the test profile: the embedded database runs durably",
              DURABLE);
        }
      }
      return new Settings(dir.toAbsolutePath(), ephemeral, port, durable);
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
    if (!settings.ephemeral()
        && System.getProperty(JVM_SERVER + settings.dataDir().normalize()) instanceof String port) {
      instance = new EmbeddedPostgresServer(Integer.parseInt(port));
      return instance;
    }
    long started = System.nanoTime();
    try {
      Path dataDir =
          settings.ephemeral() ? Files.createTempDirectory("danvan-pg-") : settings.dataDir();
      instance = open(dataDir, settings.ephemeral(), settings.port(), settings.durable());
      LOG.infof(
          "Embedded PostgreSQL started on port %d in %d ms (data: %s%s)",
          instance.port,
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          settings.ephemeral() ? "temporary" : dataDir,
          settings.durable() ? "" : "; not durable: test profile");
      return instance;
    } catch (DataDirectoryLock.InUseException e) {
      LOG.error(e.getMessage()); // one line, whatever becomes of the exception during startup
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL server could not start", e);
    }
  }

  static EmbeddedPostgresServer open(Settings settings) throws IOException {
    return open(settings.dataDir(), settings.ephemeral(), settings.port(), settings.durable());
  }

  /**
   * Starts a server on {@code dataDir}, initialising it when empty and reusing it otherwise; a
   * {@code temporary} directory is deleted when the server stops. Refuses a directory owned by
   * another running instance ({@link DataDirectoryLock.InUseException}); a server left running
   * there by a killed instance is stopped first.
   */
  static EmbeddedPostgresServer open(Path dataDir, boolean temporary, int port, boolean durable)
      throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    LIFECYCLE.lock();
    try {
      if (exiting) {
        throw new IllegalStateException("The application is stopping");
      }
      registerExitHook();
      Files.createDirectories(dir);
      DataDirectoryLock owner = DataDirectoryLock.acquire(dir);
      starting = dir;
      try {
        clearLeftoverPostmaster(dir);
        EmbeddedPostgres pg = builder(dir, temporary, port, durable).start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, owner, temporary, dir);
        RUNNING.add(server);
        return server;
      } catch (IOException | RuntimeException e) {
        // a server this attempt launched must not outlive it
        stopQuietly(dir);
        owner.close();
        throw e;
      } finally {
        starting = null;
      }
    } finally {
      LIFECYCLE.unlock();
    }
  }

  private static EmbeddedPostgres.Builder builder(
      Path dir, boolean temporary, int port, boolean durable) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(temporary)
            // stopped by this class's own exit hook, which also covers a start in progress
            .setRegisterShutdownHook(false)
            .setPGStartupWait(STARTUP_WAIT)
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_buffers", "128MB")
            .setServerConfig("timezone", "UTC")
            .setLocaleConfig("encoding", "UTF8")
            .setLocaleConfig("locale", "C.UTF-8");
    // the library starts the server with -F (fsync off) and synchronous_commit=off; a -c option
    // given after -F wins
    String on = durable ? "on" : "off";
    builder
        .setServerConfig("fsync", on)
        .setServerConfig("synchronous_commit", on)
        .setServerConfig("full_page_writes", on);
    if (port > 0) {
      builder.setPort(port);
    }
    return builder;
  }

  EmbeddedPostgres postgres() {
    return postgres;
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
    String server = "jdbc:postgresql://localhost:" + port + "/";
    if (!database.equals("postgres")) {
      org.postgresql.ds.PGSimpleDataSource postgresDatabase =
          new org.postgresql.ds.PGSimpleDataSource();
      postgresDatabase.setUrl(server + "postgres?user=" + USER);
      try (java.sql.Connection c = postgresDatabase.getConnection();
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
    return server + database + "?user=" + USER;
  }

  /** Stops the server and gives the data directory up. */
  @Override
  public void close() throws IOException {
    LIFECYCLE.lock();
    try {
      if (!RUNNING.remove(this)) {
        return;
      }
      if (registered != null) {
        System.getProperties().remove(registered, Integer.toString(port));
      }
      try {
        postgres.close();
      } finally {
        owner.close();
        if (temporary) {
          Files.deleteIfExists(owner.file());
        }
      }
    } finally {
      LIFECYCLE.unlock();
    }
  }

  private static void registerExitHook() {
    if (!hookRegistered) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(EmbeddedPostgresServer::stopAtExit, "danvan-embedded-postgres-stop"));
      hookRegistered = true;
    }
  }

  /**
   * Stops every server of this JVM. A server still starting is waited for (it ends started or
   * failed, and is then stopped); if it takes too long, its postmaster is stopped directly.
   */
  private static void stopAtExit() {
    boolean locked = false;
    try {
      locked = LIFECYCLE.tryLock(STARTUP_WAIT.toSeconds() + 10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exiting = true;
    if (!locked) {
      // a start that hangs: its postmaster, if any, is stopped directly
      Path pending = starting;
      if (pending != null) {
        stopQuietly(pending);
      }
      return;
    }
    try {
      for (EmbeddedPostgresServer server : List.copyOf(RUNNING)) {
        try {
          server.close();
        } catch (IOException | RuntimeException e) {
          LOG.warnf("The embedded PostgreSQL server did not stop cleanly: %s", e.getClass());
        }
      }
    } finally {
      LIFECYCLE.unlock();
    }
  }

  private static void stopQuietly(Path dataDir) {
    try {
      clearLeftoverPostmaster(dataDir);
    } catch (IOException | RuntimeException e) {
      LOG.warnf("Could not stop the PostgreSQL server of %s: %s", dataDir, e.getClass());
    }
  }

  /**
   * Deals with the {@code postmaster.pid} of a data directory this process owns (its {@link
   * DataDirectoryLock} is held, so no running instance owns the directory). The file may name:
   *
   * <ul>
   *   <li>a PostgreSQL server of this directory, left running by an instance that was killed: it is
   *       stopped;
   *   <li>a live process that is not a PostgreSQL server of this directory (the pid was reused,
   *       e.g. after a reboot): the file is stale and removed, the process is left alone;
   *   <li>no live process: PostgreSQL itself treats the file as stale.
   * </ul>
   */
  static void clearLeftoverPostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> process =
        lines.isEmpty()
            ? Optional.empty()
            : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return;
    }
    ProcessHandle p = process.get();
    if (!isPostmasterOf(p, dataDir)) {
      LOG.warnf(
          "%s names process %d, which is not a PostgreSQL server of this data directory:"
              + " the file is stale and the process is left alone",
          pidFile, p.pid());
      Files.deleteIfExists(pidFile);
      return;
    }
    LOG.warnf(
        "Stopping the PostgreSQL server (pid %d) left running on %s by an instance that is gone",
        p.pid(), dataDir);
    stop(p, dataDir);
  }

  /** True only when {@code p} runs a {@code postgres} binary with {@code -D} naming this dir. */
  static boolean isPostmasterOf(ProcessHandle p, Path dataDir) {
    ProcessHandle.Info info = p.info();
    Optional<String> command = info.command();
    Optional<String[]> arguments = info.arguments();
    if (command.isEmpty() || arguments.isEmpty()) {
      return false; // not provably a server of ours
    }
    Path binaryName = Path.of(command.get()).getFileName();
    if (binaryName == null
        || !(binaryName.toString().equals("postgres")
            || binaryName.toString().equals("postgres.exe"))) {
      return false;
    }
    String[] args = arguments.get();
    for (int i = 0; i < args.length; i++) {
      String dir = null;
      if (args[i].equals("-D") && i + 1 < args.length) {
        dir = args[i + 1];
      } else if (args[i].startsWith("-D") && args[i].length() > 2) {
        dir = args[i].substring(2);
      }
      if (dir != null && sameDirectory(Path.of(dir), dataDir)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameDirectory(Path a, Path b) {
    if (!a.isAbsolute()) {
      return false;
    }
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /** A fast shutdown through pg_ctl (beside the postgres binary), else SIGTERM; SIGKILL last. */
  private static void stop(ProcessHandle p, Path dataDir) {
    Optional<Path> pgCtl =
        p.info()
            .command()
            .map(c -> Path.of(c).resolveSibling("pg_ctl"))
            .filter(Files::isExecutable);
    try {
      if (pgCtl.isPresent()) {
        new ProcessBuilder(
                pgCtl.get().toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor(60, TimeUnit.SECONDS);
      }
      if (p.isAlive()) {
        p.destroy();
      }
      p.onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    } catch (IOException | java.util.concurrent.ExecutionException | TimeoutException e) {
      p.destroyForcibly();
    }
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
