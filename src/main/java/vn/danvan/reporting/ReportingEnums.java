package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class ReportingEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(
        ReportTemplateStatus.class,
        ReportTemplateAction.class,
        IndicatorType.class,
        IndicatorAggregation.class,
        TargetOperator.class,
        IndicatorSource.class,
        ReportingRegimeStatus.class,
        ReportingRegimeAction.class,
        ReportingUnitTargets.class,
        ReportSubmissionStatus.class,
        ReportSubmissionAction.class,
        ReportSubmissionDecision.class);
  }
}
