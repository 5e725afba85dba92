package vn.danvan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The demo data, loaded at start-up, is found by every step on the next run: nothing is written.
 */
@QuarkusTest
class DemoDataTest {

  @Inject DemoData demo;
  @Inject DataSource dataSource;

  @Test
  void aSecondRunFindsEveryStepsDataAndWritesNothing() throws SQLException {
    long changes = changeLogRows();

    demo.loadIfAbsent();

    assertThat(changeLogRows()).isEqualTo(changes);
    assertThat(DemoData.STEPS)
        .containsExactly(
            DemoWorld.class,
            DemoDirectives.class,
            DemoTasks.class,
            ReceptionDemoData.class,
            DemoReportTemplates.class,
            DemoReportingRegimes.class,
            DemoReportSubmissions.class,
            DemoDialogues.class,
            DemoGoodPracticeModels.class);
  }

  private long changeLogRows() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from change_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
