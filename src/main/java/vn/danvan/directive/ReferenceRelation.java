package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Quan hệ của văn bản với văn bản được dẫn chiếu.", examples = "IMPLEMENTS")
public enum ReferenceRelation implements LabeledEnum {
  IMPLEMENTS("Triển khai thực hiện", "Implements"),
  BASED_ON("Căn cứ", "Based on"),
  REPLACES("Thay thế", "Replaces"),
  AMENDS("Sửa đổi, bổ sung", "Amends"),
  REVOKES("Bãi bỏ, thu hồi", "Revokes");

  private final String vi;
  private final String en;

  ReferenceRelation(String vi, String en) {
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
