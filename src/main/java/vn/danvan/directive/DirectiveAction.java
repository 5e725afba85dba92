package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Thao tác chuyển trạng thái văn bản.", examples = "ISSUE")
public enum DirectiveAction implements LabeledEnum {
  ISSUE,
  SUPERSEDE,
  REVOKE,
  EXPIRE;
}
