package vn.danvan.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description = "Quan hệ kế thừa: toàn bộ (FULL) hay một phần (PART) đơn vị tiền thân.",
    examples = "FULL")
public enum LineageKind implements LabeledEnum {
  FULL("Toàn bộ", "Whole"),
  PART("Một phần", "Part");

  private final String vi;
  private final String en;

  LineageKind(String vi, String en) {
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
