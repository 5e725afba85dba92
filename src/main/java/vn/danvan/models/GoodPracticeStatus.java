package vn.danvan.models;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The life of a model: registered, implemented, then recognised by a decision or discontinued. Only
 * transitions change it.
 */
@Schema(
    description =
        "Trạng thái mô hình: REGISTERED (đã đăng ký), IMPLEMENTING (đang triển khai), RECOGNISED (đã được"
            + " công nhận), DISCONTINUED (đã dừng).",
    examples = "IMPLEMENTING")
public enum GoodPracticeStatus implements LabeledEnum {
  REGISTERED,
  IMPLEMENTING,
  RECOGNISED,
  DISCONTINUED;

  /** The status reached from this one by {@code action}, or null when not allowed. */
  GoodPracticeStatus after(GoodPracticeAction action) {
    return switch (action) {
      case START_IMPLEMENTATION -> this == REGISTERED ? IMPLEMENTING : null;
      case RECOGNISE -> this == IMPLEMENTING ? RECOGNISED : null;
      case DISCONTINUE -> this == REGISTERED || this == IMPLEMENTING ? DISCONTINUED : null;
    };
  }
}
