package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class TaskEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(
        TaskStatus.class,
        TaskAction.class,
        TaskState.class,
        TaskPriority.class,
        TaskRole.class,
        RecurrenceFrequency.class,
        ExtensionStatus.class,
        ExtensionAction.class,
        DueDateSource.class,
        TaskStatisticsGroupBy.class,
        TaskSort.class);
  }
}
