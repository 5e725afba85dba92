package vn.danvan.agenda;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.testing.NationalDatabase;
import vn.danvan.testing.NationalTasks;
import vn.danvan.testing.TestClock;

/**
 * The notices scan over the national tree with 1,000,000 tasks (the agenda benchmark's data): the
 * first scan of a day (every notice written), a second scan the same day (nothing new) and the next
 * day's scan. Run with {@code ./mvnw -Pbench test -Dtest=ObligationNoticesBenchmark}.
 */
@QuarkusTest
@TestProfile(NationalDatabase.class)
@Tag("benchmark")
class ObligationNoticesBenchmark {

  private static final Logger LOG = Logger.getLogger(ObligationNoticesBenchmark.class);

  @Inject NationalDataset dataset;
  @Inject DataSource dataSource;
  @Inject ObligationNotices notices;

  @Test
  void countryScan() throws Exception {
    dataset.load();
    LocalDate today = LocalDate.parse(AgendaBenchmark.TODAY);
    TestClock.today(today);
    try {
      long tasks = NationalTasks.generate(dataSource, 1_000_000, AgendaBenchmark.TODAY, false);
      StringBuilder out = new StringBuilder("\n=== Obligation notices on the national tree ===\n");
      out.append(String.format(Locale.ROOT, "%d tasks; load average %s%n", tasks, loadAverage()));
      out.append(line("first scan of the day", notices.scan()));
      out.append(line("second scan, same day", notices.scan()));
      TestClock.today(today.plusDays(1));
      out.append(line("next day", notices.scan()));
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select kind, event, count(*) from obligation_notice group by 1, 2 order by 1, 2")) {
        while (rs.next()) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %-22s %-9s %7d%n",
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3)));
        }
      }
      LOG.info(out);
      System.out.println(out);
    } finally {
      TestClock.reset();
    }
  }

  private static String line(String what, ObligationNotices.Scan s) {
    return String.format(
        Locale.ROOT,
        "%-24s %s: %7d obligations read, %7d noticed, %6d ms%n",
        what,
        s.day(),
        s.read(),
        s.noticed(),
        s.millis());
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "n/a";
    }
  }
}
