package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description = "Thao tác chuyển trạng thái mẫu báo cáo: PUBLISH ban hành phiên bản dự thảo.",
    examples = "PUBLISH")
public enum ReportTemplateAction implements LabeledEnum {
  PUBLISH
}
