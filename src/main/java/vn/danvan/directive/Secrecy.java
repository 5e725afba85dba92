package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description = "Độ mật của văn bản; văn bản mật được đánh số theo hệ thống số riêng.",
    examples = "NONE")
public enum Secrecy implements LabeledEnum {
  NONE("Không mật", "Not classified"),
  CONFIDENTIAL("Mật", "Confidential"),
  SECRET("Tối mật", "Secret"),
  TOP_SECRET("Tuyệt mật", "Top secret");

  private final String vi;
  private final String en;

  Secrecy(String vi, String en) {
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
