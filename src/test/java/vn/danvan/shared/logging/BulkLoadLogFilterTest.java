package vn.danvan.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** During a bulk load the service's per-entity lines are left out; warnings and others stay. */
class BulkLoadLogFilterTest {

  private final BulkLoadLogFilter filter = new BulkLoadLogFilter();

  private static LogRecord record(Level level, String logger) {
    LogRecord r = new LogRecord(level, "Task 1 created");
    r.setLoggerName(logger);
    return r;
  }

  @Test
  void perEntityLinesAreDroppedOnlyWhileLoadingQuietly() throws Exception {
    LogRecord created = record(Level.INFO, "vn.danvan.task.TaskService");
    assertThat(filter.isLoggable(created)).isTrue();

    boolean[] inside =
        BulkLoadLogFilter.quietly(
            () ->
                new boolean[] {
                  filter.isLoggable(created),
                  filter.isLoggable(
                      record(Level.WARNING, "vn.danvan.orgunit.atlas.NationalDataset")),
                  filter.isLoggable(record(Level.INFO, "org.flywaydb.core.FlywayExecutor"))
                });

    assertThat(inside).containsExactly(false, true, true);
    assertThat(filter.isLoggable(created)).as("after the load").isTrue();
  }

  @Test
  void otherThreadsKeepLogging() throws Exception {
    LogRecord created = record(Level.INFO, "vn.danvan.task.TaskService");
    boolean[] elsewhere = new boolean[1];
    BulkLoadLogFilter.quietly(
        () -> {
          Thread t = new Thread(() -> elsewhere[0] = filter.isLoggable(created));
          t.start();
          t.join();
          return null;
        });
    assertThat(elsewhere[0]).isTrue();
  }
}
