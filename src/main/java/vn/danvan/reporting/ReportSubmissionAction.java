package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The transitions of a report. */
@Schema(
    description =
        "Thao tác với báo cáo: SUBMIT (gửi: kiểm tra số liệu, lưu một phiên bản không sửa được), RETURN (đơn vị"
            + " nhận báo cáo trả lại, kèm ý kiến), ACCEPT (đơn vị nhận báo cáo tiếp nhận), REOPEN (mở lại báo cáo"
            + " đã gửi hoặc đã tiếp nhận để sửa).",
    examples = "SUBMIT")
public enum ReportSubmissionAction implements LabeledEnum {
  SUBMIT,
  RETURN,
  ACCEPT,
  REOPEN
}
