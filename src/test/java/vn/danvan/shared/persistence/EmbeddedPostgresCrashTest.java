package vn.danvan.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged write survives SIGKILL of the server and all its processes while 4 writers are
 * busy (the embedding library's defaults lost some: commits were acknowledged before their WAL left
 * the server's memory).
 */
class EmbeddedPostgresCrashTest {

  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresCrashTest.class);
  private static final int WRITERS = 4;

  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveSigkillOfEveryServerProcess() throws Exception {
    Figures figures = crash(true);

    LOG.infof(
        "Crash test (durable): %d writes acknowledged by %d writers, %d present after SIGKILL",
        figures.acknowledged(), WRITERS, figures.present());
    assertThat(figures.acknowledged()).isPositive();
    assertThat(figures.present()).isEqualTo(figures.acknowledged());
  }

  record Figures(int acknowledged, int present) {}

  Figures crash(boolean durable) throws Exception {
    Path data = InitialisedDataDirectory.copyTo(dir.resolve("pg"));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    EmbeddedPostgresServer server = EmbeddedPostgresServer.open(data, false, 0, durable);
    try {
      try (Connection c = server.postgres().getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table acked (writer int, n int, primary key (writer, n))");
      }
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  try (Connection c = server.postgres().getPostgresDatabase().getConnection();
                      PreparedStatement insert =
                          c.prepareStatement("insert into acked (writer, n) values (?, ?)")) {
                    for (int n = 0; ; n++) {
                      insert.setInt(1, writer);
                      insert.setInt(2, n);
                      insert.executeUpdate(); // autocommit: returns once the commit is acknowledged
                      acknowledged.add(writer + ":" + n);
                    }
                  } catch (java.sql.SQLException e) {
                    return null; // the server was killed
                  }
                }));
      }
      Thread.sleep(2_000);
      killEveryServerProcess(data);
      for (Future<?> f : writers) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
    } finally {
      server.close(); // the server is gone already: this gives the directory up
    }

    Set<String> found = new HashSet<>();
    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.open(data, false, 0, durable);
        Connection c = again.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select writer, n from acked")) {
      while (rs.next()) {
        found.add(rs.getInt(1) + ":" + rs.getInt(2));
      }
    }
    int present = (int) acknowledged.stream().filter(found::contains).count();
    return new Figures(acknowledged.size(), present);
  }

  /** SIGKILL to the postmaster and every process it started, all at once. */
  private static void killEveryServerProcess(Path data) throws Exception {
    long pid =
        Long.parseLong(
            Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                .get(0)
                .trim());
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> all =
        Stream.concat(postmaster.descendants(), Stream.of(postmaster)).toList();
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : all) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
  }
}
