package vn.danvan.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Loại sắp xếp đơn vị.", examples = "MERGE")
public enum RestructuringKind implements LabeledEnum {
  MERGE("Hợp nhất, sáp nhập", "Merge"),
  SPLIT("Chia tách", "Split"),
  RENAME("Đổi tên", "Rename"),
  MOVE("Chuyển đơn vị cấp trên", "Move"),
  DISSOLVE("Giải thể", "Dissolve");

  private final String vi;
  private final String en;

  RestructuringKind(String vi, String en) {
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
