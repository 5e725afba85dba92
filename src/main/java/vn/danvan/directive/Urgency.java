package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Độ khẩn của văn bản.", examples = "NORMAL")
public enum Urgency implements LabeledEnum {
  NORMAL,
  URGENT,
  VERY_URGENT,
  FLASH;
}
