package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored consolidation version (table report_consolidation, V23). */
record ConsolidationRow(
    UUID id,
    UUID regimeId,
    String period,
    UUID collectingUnitId,
    UUID[] collectingUnitPath,
    int number,
    UUID templateId,
    int templateNumber,
    boolean includeSubmitted,
    List<Unit> units,
    List<Indicator> indicators,
    Instant computedAt,
    String computedBy) {

  /**
   * An expected unit and what it had when the version was computed; {@code versionNumber} names the
   * submission version that fed the consolidation (null: it fed nothing).
   */
  record Unit(
      UUID unitId,
      String name,
      UUID transferredFromUnitId,
      UUID submissionId,
      String status,
      Boolean late,
      Integer versionNumber,
      String decision) {

    boolean fed() {
      return versionNumber != null;
    }
  }

  /** One indicator's consolidated value, how many units gave a value, and those that did not. */
  record Indicator(String code, JsonNode value, int valueCount, List<UUID> missingUnitIds) {}
}
