package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A value the system computed for an indicator, with its provenance: the source and its parameter,
 * and when it was computed. The value is a JSON number for counts (a JSON value of the indicator's
 * type for {@link IndicatorSource#CONSOLIDATED}), or null when the source has nothing to say.
 */
public record ComputedFigure(IndicatorSourceSpec source, JsonNode value, Instant computedAt) {}
