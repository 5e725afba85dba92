package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Trạng thái đề nghị gia hạn.", examples = "APPROVED")
public enum ExtensionStatus implements LabeledEnum {
  PENDING,
  APPROVED,
  REJECTED
}
