package vn.danvan.models;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Thao tác chuyển trạng thái mô hình: START_IMPLEMENTATION (REGISTERED → IMPLEMENTING) bắt đầu triển"
            + " khai; RECOGNISE (IMPLEMENTING → RECOGNISED) ghi quyết định công nhận; DISCONTINUE (REGISTERED"
            + " hoặc IMPLEMENTING → DISCONTINUED) dừng mô hình.",
    examples = "START_IMPLEMENTATION")
public enum GoodPracticeAction implements LabeledEnum {
  START_IMPLEMENTATION,
  RECOGNISE,
  DISCONTINUE
}
