package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Thao tác chuyển trạng thái chế độ báo cáo: ACTIVATE (DRAFT → ACTIVE) áp dụng; RETIRE (DRAFT hoặc"
            + " ACTIVE → RETIRED) thôi áp dụng.",
    examples = "ACTIVATE")
public enum ReportingRegimeAction implements LabeledEnum {
  ACTIVATE,
  RETIRE
}
