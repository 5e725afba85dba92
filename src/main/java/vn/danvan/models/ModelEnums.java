package vn.danvan.models;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class ModelEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(
        GoodPracticeField.class,
        GoodPracticeStatus.class,
        GoodPracticeAction.class,
        RecognitionLevel.class,
        GoodPracticeStatisticsGroupBy.class);
  }
}
