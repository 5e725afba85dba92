package vn.danvan.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One instance of the packaged application for the two-instance sync test: its own data directory,
 * API, management and database ports; started, killed ({@code kill -9}) and restarted on the same
 * data directory. Calls retry blindly across restarts, as a provincial system would.
 */
final class SyncInstance implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final Duration STARTUP = Duration.ofSeconds(240);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** An HTTP answer: status, headers and body parsed as JSON (null when empty or not JSON). */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  final String name;
  private final Path dataDir;
  private final Path log;
  private final Map<String, String> extraEnv;
  final int apiPort;
  private final int managementPort;
  private final int dbPort;
  private volatile Process process;
  int restarts;

  /** Requests sent again because the instance could not be reached (a restart). */
  final java.util.concurrent.atomic.AtomicLong transportRetries =
      new java.util.concurrent.atomic.AtomicLong();

  SyncInstance(String name, Map<String, String> extraEnv) throws IOException {
    this.name = name;
    this.dataDir = Files.createTempDirectory("danvan-sync-" + name + "-");
    this.log = Files.createTempFile("danvan-sync-" + name + "-", ".log");
    this.extraEnv = extraEnv;
    this.apiPort = freePort();
    this.managementPort = freePort();
    this.dbPort = freePort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + apiPort;
  }

  synchronized void start() throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
    env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("DANVAN_EMBEDDED_DB_DATA_DIR", dataDir.resolve("postgres").toString());
    env.put("DANVAN_EMBEDDED_DB_PORT", Integer.toString(dbPort));
    env.put("DANVAN_DEMO_LOAD", "true");
    env.put("DANVAN_SECURITY_DEMO_ACCOUNTS_ENABLED", "true");
    env.putAll(extraEnv);
    process = builder.start();
  }

  void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      Process p = process;
      if (!p.isAlive()) {
        throw new AssertionError(name + " exited with code " + p.exitValue() + "\n" + tail());
      }
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError(name + " was not ready within " + STARTUP + "\n" + tail());
  }

  /**
   * {@code kill -9} of the application and of its embedded PostgreSQL, then a start on the same
   * data directory: whatever was committed must be there, whatever was in flight is lost.
   */
  void crashAndRestart() throws Exception {
    synchronized (this) {
      Process p = process;
      List<ProcessHandle> children = p.descendants().toList();
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      for (ProcessHandle child : children) {
        child.destroyForcibly();
      }
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
      restarts++;
      start();
    }
    awaitReady();
  }

  /**
   * Consumes transaction ids (empty committed transactions, through the embedded server's port)
   * until the next power of ten is passed; returns the id reached.
   */
  long pushTransactionIdsPastNextPowerOfTen() throws SQLException {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres", "postgres")) {
      c.setAutoCommit(true);
      try (var st = c.createStatement()) {
        st.execute(
            "create or replace procedure pg_temp.burn_xids(target bigint) language plpgsql as $$"
                + " begin while cast(cast(pg_current_xact_id() as text) as bigint) < target loop"
                + " commit; end loop; end $$");
        long current;
        try (var rs =
            st.executeQuery("select cast(cast(pg_current_xact_id() as text) as bigint)")) {
          rs.next();
          current = rs.getLong(1);
        }
        long target = 10;
        while (target <= current) {
          target *= 10;
        }
        st.execute("call pg_temp.burn_xids(" + (target + 5) + ")");
        try (var rs =
            st.executeQuery("select cast(cast(pg_current_xact_id() as text) as bigint)")) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
  }

  /**
   * One request, retried blindly while the instance is unreachable (a restart) or answers 503;
   * every other answer is returned as is.
   */
  Answer call(String method, String path, String user, Object body, Map<String, String> headers)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(STARTUP);
    while (true) {
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        String credentials = user + ":" + user;
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        request.header("Accept", "application/json");
        if (headers != null) {
          headers.forEach(request::header);
        }
        if (body == null) {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
          request.header("Content-Type", "application/json");
          request.method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response =
            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503 || response.statusCode() == 502) {
          throw new IOException("unavailable: " + response.statusCode());
        }
        JsonNode json = null;
        if (!response.body().isEmpty()) {
          try {
            json = JSON.readTree(response.body());
          } catch (IOException notJson) {
            json = null;
          }
        }
        return new Answer(response.statusCode(), response, json);
      } catch (IOException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(name + " unreachable: " + e, e);
        }
        transportRetries.incrementAndGet();
        Thread.sleep(200);
      }
    }
  }

  Answer get(String path, String user) throws InterruptedException {
    return call("GET", path, user, null, null);
  }

  static Map<String, String> headers(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws IOException {
    Process p = process;
    if (p != null) {
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    if (Files.exists(dataDir)) {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
    Files.deleteIfExists(log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
