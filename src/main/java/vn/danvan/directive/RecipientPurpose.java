package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Mục đích gửi văn bản tới nơi nhận.", examples = "EXECUTE")
public enum RecipientPurpose implements LabeledEnum {
  EXECUTE("Để thực hiện", "To execute"),
  COORDINATE("Để phối hợp", "To coordinate"),
  REPORT_TO("Để báo cáo", "To report to"),
  FOR_INFORMATION("Để biết", "For information"),
  ARCHIVE("Lưu", "Archive");

  private final String vi;
  private final String en;

  RecipientPurpose(String vi, String en) {
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
