package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Quyết định về đề nghị gia hạn.", examples = "APPROVE")
public enum ExtensionAction implements LabeledEnum {
  APPROVE,
  REJECT
}
