package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Độ khẩn của văn bản.", examples = "NORMAL")
public enum Urgency implements LabeledEnum {
  NORMAL("Thường", "Normal"),
  URGENT("Khẩn", "Urgent"),
  VERY_URGENT("Thượng khẩn", "Very urgent"),
  FLASH("Hỏa tốc", "Flash");

  private final String vi;
  private final String en;

  Urgency(String vi, String en) {
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
