package vn.danvan.agenda;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.danvan.shared.error.BusySlots;

/**
 * At most {@code danvan.agenda.max-concurrent} agenda pages and summaries are computed at once on
 * an instance; one more is answered 429 BUSY (retry after 1 s). On the national data set a page
 * resolves every expected unit of each reporting period it reads (the README's benchmark): 32 at
 * once exhausted a 256 MB heap. A guard until those periods are shared between requests.
 */
@Singleton
public class AgendaSlots extends BusySlots {

  AgendaSlots(
      @ConfigProperty(name = "danvan.agenda.max-concurrent", defaultValue = "4")
          int maxConcurrent) {
    super(maxConcurrent, 1);
  }
}
