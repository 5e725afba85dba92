package vn.danvan.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the system computes the indicator's value from (computation comes later). */
@Schema(
    name = "ReportIndicatorSource",
    description =
        "Nguồn số liệu hệ thống tính sẵn cho chỉ tiêu (tùy chọn); người báo cáo vẫn có thể điều chỉnh.")
public record IndicatorSourceSpec(
    @NotNull @Schema(description = "Nguồn số liệu.", examples = "VISITS", required = true)
        IndicatorSource kind,
    @Size(max = 50)
        @Schema(
            description =
                "Tham số của nguồn: với VISITS_BY_CONTENT_KIND là loại nội dung tiếp công dân (COMPLAINT,"
                    + " DENUNCIATION, PETITION, FEEDBACK), bắt buộc; với MODELS_RECOGNISED là cấp công nhận"
                    + " (COMMUNE, DISTRICT, PROVINCE, CENTRAL), tùy chọn; các nguồn khác không có tham số.")
        String param) {}
