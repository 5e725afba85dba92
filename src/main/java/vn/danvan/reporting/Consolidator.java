package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The aggregation rules of consolidation, over the values of the units that fed it:
 *
 * <ul>
 *   <li>{@code SUM}, {@code MIN}, {@code MAX}: exact, at the scale of the values;
 *   <li>{@code AVG}: the mean of the values given; {@code WEIGHTED_AVG}: Σ(value × weight) / Σ
 *       weight, the weight being the value of the weight indicator in the same report, over the
 *       units that gave both (none when the weights sum to 0); both rounded half-up to {@value
 *       #SCALE} decimals;
 *   <li>{@code COUNT_TRUE}: the number of units answering true;
 *   <li>{@code NONE} (and every TEXT indicator): no value.
 * </ul>
 *
 * A unit that fed the consolidation but gave no usable value (nor weight) is left out of the
 * indicator and listed as missing it. No value at all gives null.
 */
final class Consolidator {

  /** The decimals of averages. */
  static final int SCALE = 2;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One unit's values by indicator code (the {@code value} of its submission version). */
  record Input(UUID unitId, Map<String, JsonNode> values) {}

  private Consolidator() {}

  static List<ConsolidationRow.Indicator> consolidate(
      List<TemplateIndicator> indicators, List<Input> inputs) {
    List<ConsolidationRow.Indicator> out = new ArrayList<>(indicators.size());
    for (TemplateIndicator indicator : indicators) {
      out.add(consolidate(indicator, inputs));
    }
    return out;
  }

  static ConsolidationRow.Indicator consolidate(TemplateIndicator indicator, List<Input> inputs) {
    IndicatorAggregation rule =
        indicator.type() == IndicatorType.TEXT
            ? IndicatorAggregation.NONE
            : indicator.aggregation();
    List<UUID> missing = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    List<BigDecimal> weights = new ArrayList<>();
    int count = 0;
    int trues = 0;
    for (Input in : inputs) {
      JsonNode raw = in.values().get(indicator.code());
      switch (rule) {
        case NONE -> {
          if (present(raw)) {
            count++;
          } else {
            missing.add(in.unitId());
          }
        }
        case COUNT_TRUE -> {
          Boolean b = bool(raw);
          if (b == null) {
            missing.add(in.unitId());
          } else {
            count++;
            trues += b ? 1 : 0;
          }
        }
        case WEIGHTED_AVG -> {
          BigDecimal v = number(raw);
          BigDecimal w = number(in.values().get(indicator.weightCode()));
          if (v == null || w == null) {
            missing.add(in.unitId());
          } else {
            values.add(v);
            weights.add(w);
          }
        }
        default -> {
          BigDecimal v = number(raw);
          if (v == null) {
            missing.add(in.unitId());
          } else {
            values.add(v);
          }
        }
      }
    }
    JsonNode value =
        switch (rule) {
          case NONE -> null;
          case COUNT_TRUE -> count == 0 ? null : JSON.numberNode(trues);
          case SUM -> values.isEmpty() ? null : node(sum(values));
          case MIN ->
              values.stream().min(BigDecimal::compareTo).map(Consolidator::node).orElse(null);
          case MAX ->
              values.stream().max(BigDecimal::compareTo).map(Consolidator::node).orElse(null);
          case AVG ->
              values.isEmpty()
                  ? null
                  : node(
                      sum(values)
                          .divide(BigDecimal.valueOf(values.size()), SCALE, RoundingMode.HALF_UP));
          case WEIGHTED_AVG -> weighted(values, weights);
        };
    if (rule != IndicatorAggregation.NONE && rule != IndicatorAggregation.COUNT_TRUE) {
      count = values.size();
    }
    return new ConsolidationRow.Indicator(indicator.code(), value, count, List.copyOf(missing));
  }

  private static JsonNode weighted(List<BigDecimal> values, List<BigDecimal> weights) {
    BigDecimal total = sum(weights);
    if (values.isEmpty() || total.signum() == 0) {
      return null;
    }
    BigDecimal product = BigDecimal.ZERO;
    for (int i = 0; i < values.size(); i++) {
      product = product.add(values.get(i).multiply(weights.get(i)));
    }
    return node(product.divide(total, SCALE, RoundingMode.HALF_UP));
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** A number without trailing zeros, never in exponent form. */
  private static JsonNode node(BigDecimal d) {
    BigDecimal n = d.stripTrailingZeros();
    return JSON.numberNode(n.scale() < 0 ? n.setScale(0) : n);
  }

  private static boolean present(JsonNode n) {
    return n != null
        && !n.isNull()
        && !n.isMissingNode()
        && !(n.isTextual() && n.asText().isBlank());
  }

  /** A numeric value (a number, or text that spells one); null otherwise. */
  static BigDecimal number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual()) {
      try {
        return new BigDecimal(n.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Boolean bool(JsonNode n) {
    if (n == null || !n.isBoolean()) {
      return null;
    }
    return n.booleanValue();
  }
}
