package vn.danvan.dialogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The transitions of a dialogue ({@code UPDATE} only names a refused edit). */
@Schema(
    description =
        "Thao tác: ANNOUNCE (thông báo: ngày, hình thức), HOLD (đã tổ chức: ngày, người chủ trì,"
            + " số người dự, câu hỏi và trả lời), PUBLISH_RESULTS (công khai kết quả: ngày, văn"
            + " bản), CANCEL (hủy: lý do).",
    examples = "ANNOUNCE")
public enum DialogueAction implements LabeledEnum {
  ANNOUNCE,
  HOLD,
  PUBLISH_RESULTS,
  CANCEL
}
