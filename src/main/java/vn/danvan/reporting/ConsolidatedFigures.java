package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of source {@link IndicatorSource#CONSOLIDATED} (issue 11 §5): an indicator's value is
 * the value of the same indicator code in the latest consolidation collected by the reporting unit
 * or one of its departments for the same period and template (the district's own report is
 * prefilled from its wards' reports, consolidated by Phòng Nội vụ). {@link ReportFigureService}
 * calls it for those indicators.
 */
@ApplicationScoped
public class ConsolidatedFigures {

  @Inject ReportConsolidationService consolidations;
  @Inject Clock clock;

  /**
   * The figure of each indicator of {@code indicators} whose source is CONSOLIDATED, by code: the
   * consolidated value when a consolidation exists and has one (null otherwise), computed when that
   * consolidation was (now when there is none). Other indicators are absent.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, ComputedFigure> compute(
      List<TemplateIndicator> indicators, FigureScope scope) {
    List<TemplateIndicator> consolidated =
        indicators.stream()
            .filter(i -> i.source() != null && i.source().kind() == IndicatorSource.CONSOLIDATED)
            .toList();
    if (consolidated.isEmpty()) {
      return Map.of();
    }
    Optional<ConsolidatedValues> latest =
        consolidations.latestValues(scope.regimeId(), scope.period(), scope.unitId());
    Instant at = latest.map(ConsolidatedValues::computedAt).orElseGet(() -> Instant.now(clock));
    Map<String, ComputedFigure> figures = new LinkedHashMap<>();
    for (TemplateIndicator i : consolidated) {
      JsonNode value = latest.map(v -> v.values().get(i.code())).orElse(null);
      figures.put(i.code(), new ComputedFigure(i.source(), value, at));
    }
    return figures;
  }

  /**
   * The figures of a consolidating unit's own report (the district's, after Phòng Nội vụ has
   * consolidated its wards' reports): every indicator the latest consolidation has a value for,
   * whatever its own source, as a CONSOLIDATED figure; empty when nothing has been consolidated.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, ComputedFigure> consolidatorsOwn(
      List<TemplateIndicator> indicators, FigureScope scope) {
    Optional<ConsolidatedValues> latest =
        consolidations.latestValues(scope.regimeId(), scope.period(), scope.unitId());
    if (latest.isEmpty()) {
      return Map.of();
    }
    IndicatorSourceSpec source = new IndicatorSourceSpec(IndicatorSource.CONSOLIDATED, null);
    Map<String, ComputedFigure> figures = new LinkedHashMap<>();
    for (TemplateIndicator i : indicators) {
      JsonNode value = asType(latest.get().values().get(i.code()), i.type());
      if (value != null) {
        figures.put(i.code(), new ComputedFigure(source, value, latest.get().computedAt()));
      }
    }
    return figures;
  }

  /**
   * A consolidated value as a value of the indicator's own type: an average of whole numbers is
   * rounded half up, a count of yes answers is a yes when above zero; null when it does not fit.
   */
  static JsonNode asType(JsonNode value, IndicatorType type) {
    if (value == null || value.isNull()) {
      return null;
    }
    return switch (type) {
      case INTEGER ->
          value.isNumber()
              ? LongNode.valueOf(value.decimalValue().setScale(0, RoundingMode.HALF_UP).longValue())
              : null;
      case DECIMAL, PERCENT -> value.isNumber() ? value : null;
      case BOOLEAN ->
          value.isBoolean()
              ? value
              : value.isNumber() ? BooleanNode.valueOf(value.decimalValue().signum() > 0) : null;
      case TEXT -> value.isTextual() ? value : null;
    };
  }
}
