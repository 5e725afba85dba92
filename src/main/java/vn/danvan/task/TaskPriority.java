package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Mức độ ưu tiên.", examples = "NORMAL")
public enum TaskPriority implements LabeledEnum {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
