package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The figures the system already knows (issue 11 §5): for each indicator with a {@code source}, its
 * value over a {@link FigureScope}, read through the owning features' services.
 */
@ApplicationScoped
public class ReportFigureService {

  /**
   * The computed value of each indicator of {@code indicators} that has a source, by indicator code
   * (indicators without a source are absent).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, ComputedFigure> compute(
      List<TemplateIndicator> indicators, FigureScope scope) {
    // The sources are computed by the reporting figures work of issue 11 §5.
    return Map.of();
  }
}
