package vn.danvan.models;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Nhóm thống kê mô hình: theo đơn vị con trực tiếp (CHILD_UNIT), lĩnh vực (FIELD), cấp công nhận"
            + " (RECOGNITION_LEVEL) hoặc trạng thái (STATUS).",
    examples = "CHILD_UNIT")
public enum GoodPracticeStatisticsGroupBy implements LabeledEnum {
  CHILD_UNIT,
  FIELD,
  RECOGNITION_LEVEL,
  STATUS
}
