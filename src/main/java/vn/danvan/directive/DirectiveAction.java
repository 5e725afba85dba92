package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Thao tác chuyển trạng thái văn bản.", examples = "ISSUE")
public enum DirectiveAction implements LabeledEnum {
  ISSUE("Ban hành", "Issue"),
  SUPERSEDE("Đánh dấu đã được thay thế", "Mark as superseded"),
  REVOKE("Thu hồi, bãi bỏ", "Revoke"),
  EXPIRE("Đánh dấu hết hiệu lực", "Mark as expired");

  private final String vi;
  private final String en;

  DirectiveAction(String vi, String en) {
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
