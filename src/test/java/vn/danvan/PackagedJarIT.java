package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The packaged application as users run it ({@code java -jar target/quarkus-app/quarkus-run.jar},
 * README): it starts its embedded PostgreSQL in a fresh data directory, loads the demo data, and
 * answers on its API and management ports. Runs in {@code ./mvnw verify} (failsafe, after {@code
 * package}); a plain process rather than {@code @QuarkusIntegrationTest}, so that the command, the
 * environment and the ports are exactly those of the README, and the jar's log can be shown when it
 * fails.
 */
class PackagedJarIT {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final Duration STARTUP = Duration.ofSeconds(150);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path dataDir;
  private static Path log;
  private static Process app;
  private static int apiPort;
  private static int managementPort;
  private static volatile boolean failed;

  /** Shows the application's log when a check fails. */
  @RegisterExtension
  static final TestWatcher SHOW_LOG_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          failed = true;
        }
      };

  @BeforeAll
  static void start() throws Exception {
    assertThat(JAR).as("run ./mvnw package first").exists();
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("no java"));
    dataDir = Files.createTempDirectory("danvan-it-");
    log = Files.createTempFile("danvan-it-", ".log");
    apiPort = freePort();
    managementPort = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
    env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("DANVAN_EMBEDDED_DB_DATA_DIR", dataDir.resolve("postgres").toString());
    env.put("DANVAN_DEMO_LOAD", "true");
    env.put("DANVAN_SECURITY_DEMO_ACCOUNTS_ENABLED", "true");
    app = builder.start();
    try {
      awaitReady();
    } catch (Throwable e) {
      printLog();
      throw e;
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (failed) {
      printLog();
    }
    try {
      if (app != null) {
        List<ProcessHandle> children = app.descendants().toList();
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
          System.err.println("PackagedJarIT: the application did not stop in 30 s; killed");
          app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // the embedded server stops with the application; a leftover one is stopped here
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      }
    } finally {
      deleteRecursively(dataDir);
      if (log != null) {
        Files.deleteIfExists(log);
      }
    }
  }

  @Test
  void isReady() throws Exception {
    HttpResponse<String> ready = get(managementPort, "/q/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\"").contains("UP");
  }

  @Test
  void aDemoAccountIsKnown() throws Exception {
    HttpResponse<String> me = get(apiPort, "/api/v1/me", "admin");
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"admin\"");
  }

  @Test
  void anAnonymousCallIsAProblem() throws Exception {
    HttpResponse<String> me = get(apiPort, "/api/v1/me", null);
    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(me.body()).contains("\"code\":\"UNAUTHENTICATED\"");
  }

  private static void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!app.isAlive()) {
        throw new AssertionError("the application exited with code " + app.exitValue());
      }
      try {
        if (get(managementPort, "/q/health/ready", null).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application was not ready within " + STARTUP);
  }

  private static HttpResponse<String> get(int port, String path, String user)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET();
    if (user != null) {
      String credentials = user + ":" + user;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void printLog() {
    try {
      System.err.println("---- log of the packaged application ----");
      System.err.println(Files.readString(log, StandardCharsets.UTF_8));
      System.err.println("---- end of log ----");
    } catch (IOException e) {
      System.err.println("PackagedJarIT: cannot read the log: " + e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
