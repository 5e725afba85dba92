package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class ReceptionEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(
        SessionKind.class,
        HostRole.class,
        ContentKind.class,
        VisitField.class,
        VisitOutcome.class,
        IdentityDocumentType.class,
        CaseInstance.class,
        CaseStatus.class,
        CaseAction.class,
        DeadlineKind.class,
        DeadlineState.class,
        ReceptionStatisticsGroupBy.class,
        DuplicateReason.class,
        CompliancePeriod.class);
  }
}
