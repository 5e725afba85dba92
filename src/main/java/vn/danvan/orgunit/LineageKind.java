package vn.danvan.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description = "Quan hệ kế thừa: toàn bộ (FULL) hay một phần (PART) đơn vị tiền thân.",
    examples = "FULL")
public enum LineageKind implements LabeledEnum {
  FULL,
  PART;
}
