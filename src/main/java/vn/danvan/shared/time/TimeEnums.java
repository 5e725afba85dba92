package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class TimeEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(CalendarDayKind.class);
  }
}
