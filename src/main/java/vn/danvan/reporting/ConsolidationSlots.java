package vn.danvan.reporting;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.danvan.shared.error.BusySlots;

/**
 * At most {@code danvan.reporting.consolidation.max-concurrent} consolidations run at once on an
 * instance; one more is answered 429 BUSY (retry after 2 s). A consolidation of the country reads
 * thousands of frozen versions and holds its provenance in memory (≈ 2.7 MB as JSON): 32 at once
 * exhausted a 256 MB heap in the benchmark, taking every other request down with them.
 */
@Singleton
public class ConsolidationSlots extends BusySlots {

  ConsolidationSlots(
      @ConfigProperty(name = "danvan.reporting.consolidation.max-concurrent", defaultValue = "2")
          int maxConcurrent) {
    super(maxConcurrent, 2);
  }
}
