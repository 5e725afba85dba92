package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One indicator's value as stored in a report (V22 {@code values}): the value entered (at first the
 * computed one) and, for an indicator with a source, the value the system computed, its source and
 * when. A JSON null or a missing node is no value.
 */
public record SubmissionValue(
    JsonNode value, JsonNode computed, IndicatorSourceSpec source, Instant computedAt) {

  /**
   * One canonical form (no value is null, numbers are longs when whole), so that a value read back
   * from the database equals the one written and an unchanged report is never updated again.
   */
  public SubmissionValue {
    value = canonical(value);
    computed = canonical(computed);
  }

  private static JsonNode canonical(JsonNode node) {
    if (!present(node)) {
      return null;
    }
    if (node.isNumber() && !(node.isDouble() && !Double.isFinite(node.doubleValue()))) {
      BigDecimal n = node.decimalValue().stripTrailingZeros();
      if (n.scale() <= 0 && n.abs().compareTo(LONG_LIMIT) < 0) {
        return LongNode.valueOf(n.longValueExact());
      }
      return DecimalNode.valueOf(n.scale() < 0 ? n.setScale(0) : n);
    }
    return node;
  }

  private static final BigDecimal LONG_LIMIT = new BigDecimal("1E18");

  /** The entered value, or null. */
  JsonNode entered() {
    return present(value) ? value : null;
  }

  /** The computed value, or null. */
  JsonNode computedValue() {
    return present(computed) ? computed : null;
  }

  /** The same provenance with another entered value. */
  SubmissionValue withValue(JsonNode entered) {
    return new SubmissionValue(entered, computed, source, computedAt);
  }

  static boolean present(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  /** Whether two values differ: numbers by their value (2 and 2.0 are equal), others exactly. */
  static boolean differ(JsonNode a, JsonNode b) {
    boolean pa = present(a);
    boolean pb = present(b);
    if (!pa || !pb) {
      return pa != pb;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) != 0;
    }
    return !a.equals(b);
  }
}
