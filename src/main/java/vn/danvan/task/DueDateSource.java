package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Nguồn của một hạn: hạn giao ban đầu, sửa khi chưa bắt đầu, hoặc gia hạn được duyệt.",
    examples = "EXTENSION")
public enum DueDateSource implements LabeledEnum {
  INITIAL,
  EDIT,
  EXTENSION
}
