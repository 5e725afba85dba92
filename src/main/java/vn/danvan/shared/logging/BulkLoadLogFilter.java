package vn.danvan.shared.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.concurrent.Callable;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps bulk loads (the demo data) from logging one line per entity: while {@link #quietly} runs on
 * a thread, the service's own records below WARN from that thread are dropped, and the loader logs
 * one summary line instead. Installed on the console with {@code quarkus.log.console.filter}.
 */
@LoggingFilter(name = BulkLoadLogFilter.NAME)
public final class BulkLoadLogFilter implements Filter {

  public static final String NAME = "danvan-bulk-load";
  private static final String OWN_LOGGERS = "vn.danvan.";
  private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

  /** Runs {@code load} with the per-entity lines of this thread left out. */
  public static <T> T quietly(Callable<T> load) throws Exception {
    boolean outer = QUIET.get();
    QUIET.set(true);
    try {
      return load.call();
    } finally {
      QUIET.set(outer);
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    return !QUIET.get()
        || record.getLevel().intValue() >= Level.WARNING.intValue()
        || record.getLoggerName() == null
        || !record.getLoggerName().startsWith(OWN_LOGGERS);
  }
}
