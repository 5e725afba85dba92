package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Nhóm thống kê: theo đơn vị con trực tiếp, theo văn bản chỉ đạo, hoặc theo tháng của hạn.",
    examples = "CHILD_UNIT")
public enum TaskStatisticsGroupBy implements LabeledEnum {
  CHILD_UNIT,
  DIRECTIVE,
  MONTH
}
