package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The indicator values of a consolidation version by indicator code (null values left out), for the
 * figures of a unit's own report ({@link IndicatorSource#CONSOLIDATED}).
 */
public record ConsolidatedValues(
    UUID consolidationId,
    UUID regimeId,
    String period,
    UUID collectingUnitId,
    int number,
    Instant computedAt,
    Map<String, JsonNode> values) {}
