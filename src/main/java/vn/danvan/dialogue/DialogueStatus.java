package vn.danvan.dialogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The life of a dialogue; only transitions change it. */
@Schema(
    description =
        "Trạng thái hội nghị đối thoại: PLANNED (đã lên kế hoạch), ANNOUNCED (đã thông báo cho Nhân"
            + " dân), HELD (đã tổ chức), RESULTS_PUBLISHED (đã công khai kết quả), CANCELLED (đã"
            + " hủy, chỉ từ PLANNED hoặc ANNOUNCED).",
    examples = "ANNOUNCED")
public enum DialogueStatus implements LabeledEnum {
  PLANNED,
  ANNOUNCED,
  HELD,
  RESULTS_PUBLISHED,
  CANCELLED;

  /** The status reached from this one by {@code action}, or null when not allowed. */
  DialogueStatus after(DialogueAction action) {
    return switch (action) {
      case ANNOUNCE -> this == PLANNED ? ANNOUNCED : null;
      case HOLD -> this == ANNOUNCED ? HELD : null;
      case PUBLISH_RESULTS -> this == HELD ? RESULTS_PUBLISHED : null;
      case CANCEL -> this == PLANNED || this == ANNOUNCED ? CANCELLED : null;
    };
  }

  /** Whether the dialogue still binds its unit (its obligations count). */
  boolean binds() {
    return this != CANCELLED;
  }
}
