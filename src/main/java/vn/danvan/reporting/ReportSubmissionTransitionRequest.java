package vn.danvan.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportSubmissionTransition",
    description = "Một thao tác chuyển trạng thái báo cáo.")
public record ReportSubmissionTransitionRequest(
    @NotNull @Schema(description = "Thao tác.", examples = "SUBMIT", required = true)
        ReportSubmissionAction action,
    @Size(max = 4000)
        @Schema(
            description = "Ý kiến (bắt buộc khi RETURN; ghi vào phiên bản và nhật ký kiểm toán).",
            examples = "Đề nghị bổ sung số liệu tiếp công dân tháng 4.")
        String comment) {}
