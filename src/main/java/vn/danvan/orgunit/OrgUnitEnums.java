package vn.danvan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class OrgUnitEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(
        OrgUnitKind.class, RestructuringKind.class, LineageKind.class, OrgUnitMode.class);
  }
}
