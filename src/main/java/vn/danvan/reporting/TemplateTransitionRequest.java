package vn.danvan.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportTemplateTransition",
    description = "Một thao tác chuyển trạng thái mẫu báo cáo.")
public record TemplateTransitionRequest(
    @NotNull @Schema(description = "Thao tác.", examples = "PUBLISH", required = true)
        ReportTemplateAction action,
    @Size(max = 1000)
        @Schema(
            description = "Ghi chú hoặc văn bản làm căn cứ (ghi vào nhật ký kiểm toán).",
            examples =
                "Theo Công văn số 1234/BNV-CQĐP hướng dẫn báo cáo công tác dân vận chính quyền")
        String reason) {}
