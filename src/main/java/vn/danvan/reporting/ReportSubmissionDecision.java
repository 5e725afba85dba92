package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The collecting unit's decision on a submitted version. */
@Schema(
    description =
        "Quyết định của đơn vị nhận báo cáo về một phiên bản đã gửi: RETURNED (trả lại), ACCEPTED (tiếp nhận);"
            + " vắng khi chưa quyết định.",
    examples = "ACCEPTED")
public enum ReportSubmissionDecision implements LabeledEnum {
  RETURNED,
  ACCEPTED
}
