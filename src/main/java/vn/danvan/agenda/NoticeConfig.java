package vn.danvan.agenda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The agenda's scan for obligations due soon and overdue ({@link ObligationNotices}). */
@ConfigMapping(prefix = "danvan.agenda.notices")
public interface NoticeConfig {

  /** Whether the scan runs on this instance. */
  @WithDefault("true")
  boolean enabled();

  /** How often the scan runs. */
  @WithDefault("1h")
  Duration every();

  /** How long after the start the first scan waits (the demo data is loaded by then). */
  @WithDefault("30s")
  Duration delay();

  /** An obligation in term is due soon when due within this many days from today (inclusive). */
  @WithDefault("3")
  int dueSoonDays();

  /**
   * Overdue obligations are noticed when their due date lies within this many days before today: a
   * first run does not notify years of history, a scan missed for a few days still catches up.
   */
  @WithDefault("7")
  int overdueLookbackDays();

  /** Obligations read from one source and noticed per transaction. */
  @WithDefault("1000")
  int batch();
}
