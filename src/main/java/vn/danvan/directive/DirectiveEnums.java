package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class DirectiveEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(
        DirectiveType.class,
        DirectiveStatus.class,
        DirectiveAction.class,
        SigningAuthority.class,
        RecipientPurpose.class,
        Urgency.class,
        Secrecy.class,
        ReferenceRelation.class,
        ObligationTargets.class,
        CoverageState.class);
  }
}
