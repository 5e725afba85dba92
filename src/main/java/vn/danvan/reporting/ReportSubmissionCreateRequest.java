package vn.danvan.reporting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

@Schema(
    name = "ReportSubmissionCreate",
    description = "Tạo báo cáo của một đơn vị cho một kỳ của chế độ báo cáo.")
public record ReportSubmissionCreateRequest(
    @NotNull
        @Schema(
            description = "Chế độ báo cáo (đang áp dụng).",
            examples = "00000000-0000-4b0d-9023-764000000001",
            required = true)
        UUID regimeId,
    @NotBlank
        @Size(max = 20)
        @Schema(description = "Mã kỳ của chế độ.", examples = "2023S1", required = true)
        String period,
    @NotNull
        @Schema(
            description =
                "Đơn vị báo cáo: một đơn vị phải báo cáo trong kỳ, hoặc đơn vị tổng hợp (cấp trên của đơn vị nhận"
                    + " báo cáo khi đó là phòng, ban; nếu không, chính đơn vị nhận báo cáo) khi chuỗi báo cáo có"
                    + " nhiều cấp.",
            examples = "7f9e41c8-3a59-3d53-ae3b-67a1ab3f2a53",
            required = true)
        UUID orgUnitId,
    @Schema(
            description =
                "Văn bản Báo cáo (loại BC) đã ban hành trong sổ văn bản, để số, ký hiệu theo Nghị định 30/2020.",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID reportDocumentId,
    @Schema(
            description =
                "Hệ thống nguồn của báo cáo (chỉ hệ thống mà tài khoản tích hợp đại diện; quản trị: bất kỳ)."
                    + " Có mã nguồn thì báo cáo thuộc hệ thống đó.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(
            description = "Mã báo cáo trong hệ thống nguồn (đi cùng sourceSystem).",
            examples = "BC-2026Q3-26882")
        String sourceId,
    @Schema(description = "Phiên bản của báo cáo trong hệ thống nguồn.", examples = "1")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa báo cáo lần cuối (RFC 3339).",
            examples = "2026-10-02T08:15:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** A report made in this API (no source system). */
  public ReportSubmissionCreateRequest(
      UUID regimeId, String period, UUID orgUnitId, UUID reportDocumentId) {
    this(regimeId, period, orgUnitId, reportDocumentId, null, null, null, null);
  }
}
