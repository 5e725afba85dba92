package vn.danvan.shared.persistence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Phạm vi lọc theo đơn vị: chỉ đơn vị chọn, các đơn vị con trực tiếp, hoặc toàn bộ cây con.",
    examples = "DESCENDANTS")
public enum OrgUnitMode implements LabeledEnum {
  SELECTED,
  CHILDREN,
  DESCENDANTS;
}
