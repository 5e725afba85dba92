package vn.danvan.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Loại sắp xếp đơn vị.", examples = "MERGE")
public enum RestructuringKind implements LabeledEnum {
  MERGE,
  SPLIT,
  RENAME,
  MOVE,
  DISSOLVE;
}
