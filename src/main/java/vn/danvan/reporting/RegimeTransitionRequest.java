package vn.danvan.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportingRegimeTransition",
    description = "Một thao tác chuyển trạng thái chế độ báo cáo.")
public record RegimeTransitionRequest(
    @NotNull @Schema(description = "Thao tác.", examples = "ACTIVATE", required = true)
        ReportingRegimeAction action,
    @Size(max = 1000)
        @Schema(
            description = "Ghi chú hoặc văn bản làm căn cứ (ghi vào nhật ký kiểm toán).",
            examples =
                "Theo Kế hoạch số 847/KH-UBND ngày 10/3/2023 của Ủy ban nhân dân quận Gò Vấp")
        String reason) {}
