package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

/** The enums of consolidation and completeness, with their labels in {@code /reference/enums}. */
@ApplicationScoped
class ConsolidationEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(ReportState.class, StaleReasonKind.class);
  }
}
