package vn.danvan.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Phạm vi lọc theo đơn vị: chỉ đơn vị chọn, các đơn vị con trực tiếp, hoặc toàn bộ cây con.",
    examples = "DESCENDANTS")
public enum OrgUnitMode implements LabeledEnum {
  SELECTED("Chỉ đơn vị được chọn", "The selected unit only"),
  CHILDREN("Đơn vị được chọn và các đơn vị con trực tiếp", "The unit and its direct children"),
  DESCENDANTS("Đơn vị được chọn và toàn bộ cây con", "The unit and its whole subtree");

  private final String vi;
  private final String en;

  OrgUnitMode(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  @Override
  public String labelVi() {
    return vi;
  }

  @Override
  public String labelEn() {
    return en;
  }
}
