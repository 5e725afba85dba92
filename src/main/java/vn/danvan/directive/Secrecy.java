package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description = "Độ mật của văn bản; văn bản mật được đánh số theo hệ thống số riêng.",
    examples = "NONE")
public enum Secrecy implements LabeledEnum {
  NONE,
  CONFIDENTIAL,
  SECRET,
  TOP_SECRET;
}
