package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** Why a consolidation no longer matches the reports it would read today, for one unit. */
@Schema(
    description =
        "Lý do bản tổng hợp đã cũ, theo từng đơn vị: SUBMITTED (đơn vị gửi báo cáo mà bản tổng hợp chưa có),"
            + " RESUBMITTED (đơn vị gửi lại phiên bản mới), ACCEPTED (báo cáo được tiếp nhận), RETURNED (báo cáo"
            + " đã dùng bị trả lại), WITHDRAWN (phiên bản đã dùng không còn được dùng vì lý do khác).",
    examples = "RESUBMITTED")
public enum StaleReasonKind implements LabeledEnum {
  SUBMITTED,
  RESUBMITTED,
  ACCEPTED,
  RETURNED,
  WITHDRAWN
}
