package vn.danvan.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** Whether an UPSERT entry read with {@code include=record} carries its record. */
@Schema(
    description =
        "Bản ghi kèm theo một thay đổi UPSERT (khi include=record): INCLUDED có record;"
            + " UNAVAILABLE: bản ghi đã bị xóa, đã chuyển ra ngoài phạm vi hoặc người gọi không được đọc"
            + " (không phân biệt, để không lộ sự tồn tại); NOT_SUPPORTED: loại đối tượng này không có nội"
            + " dung trong luồng, đọc qua API của nó.",
    examples = "INCLUDED")
public enum FeedRecordStatus implements LabeledEnum {
  INCLUDED,
  UNAVAILABLE,
  NOT_SUPPORTED;
}
