package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

/**
 * One item of an import of type {@code REPORT_VALUES}: the values (and texts) of a unit's report
 * for a period, written into its draft, which is created when the unit has none.
 */
@Schema(
    name = "ReportValuesImportItem",
    description =
        "Một phần tử nhập REPORT_VALUES: số liệu (và lời văn) báo cáo của một đơn vị cho một kỳ; báo cáo được"
            + " tìm theo id, theo khóa nguồn, rồi theo (chế độ, kỳ, đơn vị); chưa có thì tạo bản DRAFT.")
public record ReportValuesImportItem(
    @Schema(
            description = "Mã báo cáo (tùy chọn; chưa có thì tạo với mã này).",
            examples = "5b0f3c52-8a5e-4c1e-9d0b-3f6f0d3b9a21")
        UUID id,
    @Schema(description = "Hệ thống nguồn (đi cùng sourceId).", examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã báo cáo trong hệ thống nguồn.", examples = "BC-2026Q3-26882")
        String sourceId,
    @NotNull
        @Schema(
            description = "Chế độ báo cáo.",
            examples = "00000000-0000-4b0d-9023-764000000001",
            required = true)
        UUID regimeId,
    @NotBlank @Size(max = 20) @Schema(description = "Mã kỳ.", examples = "2023S1", required = true)
        String period,
    @NotNull
        @Schema(
            description = "Đơn vị báo cáo.",
            examples = "1a429ea4-a105-3356-8d9b-d90426a095ae",
            required = true)
        UUID orgUnitId,
    @Size(max = ReportSubmissionRules.MAX_VALUES)
        @Schema(
            type = SchemaType.OBJECT,
            implementation = Object.class,
            description = "Giá trị nhập theo mã chỉ tiêu (null để xóa).",
            examples = "{\"TCD_LUOT\": 125}")
        Map<String, JsonNode> values,
    @Size(max = ReportSubmissionRules.MAX_VALUES)
        @Schema(
            description = "Lời văn theo mã mục (null hoặc rỗng để xóa).",
            examples = "{\"KET_QUA\": \"Tiếp 125 lượt công dân.\"}")
        Map<String, @Size(max = ReportSubmissionRules.MAX_NARRATIVE) String> narratives,
    @Schema(description = "Phiên bản của báo cáo trong hệ thống nguồn.", examples = "3")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa báo cáo lần cuối.",
            examples = "2026-10-02T08:15:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** The item as the body of a PUT (the merge rules of an edit). */
  ReportSubmissionUpdateRequest asUpdate() {
    return new ReportSubmissionUpdateRequest(
        regimeId,
        period,
        orgUnitId,
        values,
        narratives,
        null,
        null,
        sourceSystem,
        sourceId,
        sourceVersion,
        sourceUpdatedAt);
  }
}
