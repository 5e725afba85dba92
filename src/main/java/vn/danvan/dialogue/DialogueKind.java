package vn.danvan.dialogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** Why a dialogue is held (Luật Tổ chức chính quyền địa phương 2025, Điều 43). */
@Schema(
    description =
        "Lý do tổ chức: YEARLY (định kỳ hằng năm), VOTERS_REQUEST (theo đề nghị của ít nhất 10%"
            + " tổng số cử tri của xã; tỷ lệ theo cấu hình), AS_NEEDED (khi cần thiết).",
    examples = "YEARLY")
public enum DialogueKind implements LabeledEnum {
  YEARLY,
  VOTERS_REQUEST,
  AS_NEEDED
}
