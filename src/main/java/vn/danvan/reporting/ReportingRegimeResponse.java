package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "ReportingRegime",
    description =
        "Một chế độ báo cáo: mẫu báo cáo (phiên bản), tần suất và các kỳ, thời gian chốt số liệu, hạn gửi của"
            + " từng cấp, ngày khóa số liệu, đơn vị nhận báo cáo và các đơn vị phải báo cáo. Các kỳ được tính từ"
            + " các quy tắc này và lịch làm việc: GET …/{id}/periods.")
public record ReportingRegimeResponse(
    @Schema(description = "Mã định danh (UUID).", examples = "00000000-0000-4b0d-9023-764000000001")
        UUID id,
    @Schema(description = "Mã chế độ, duy nhất.", examples = "KH847-GV-2023-6T") String code,
    @Schema(
            description = "Tên chế độ báo cáo.",
            examples =
                "Báo cáo 6 tháng công tác dân vận chính quyền năm 2023 (Kế hoạch 847/KH-UBND quận Gò Vấp)")
        String name,
    @Schema(description = "Mẫu báo cáo.", examples = "00000000-0000-4b0c-9021-000000000001")
        UUID templateId,
    @Schema(description = "Số phiên bản của mẫu.", examples = "1") int templateVersion,
    @Schema(description = "Tần suất.", examples = "SEMI_ANNUAL") ReportingFrequency frequency,
    @Schema(description = "Kỳ đầu tiên.", examples = "2023S1") String firstPeriod,
    @Schema(description = "Kỳ cuối cùng; vắng: không thời hạn.", examples = "2023S1")
        String lastPeriod,
    @Schema(
            description = "Văn bản đặt ra chế độ báo cáo.",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID sourceDirectiveId,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Số, ký hiệu của văn bản đó; vắng khi không có văn bản hoặc người gọi không được xem văn bản.",
            examples = "847/KH-UBND")
        String sourceDirectiveNumber,
    @Schema(description = "Thời gian chốt số liệu của mỗi kỳ.") RegimeCutOff cutOff,
    @Schema(description = "Hạn gửi của từng cấp, cấp gửi trước đứng trước.")
        List<RegimeLevelRule> dueDates,
    @Schema(description = "Ngày khóa số liệu.") RegimeDateRule lock,
    @Schema(
            description = "Đơn vị nhận và tổng hợp báo cáo.",
            examples = "e7ef043b-872f-3d4c-bfff-3c3a98c6a29a")
        UUID collectingUnitId,
    @Schema(
            description =
                "Tên đơn vị nhận báo cáo (hôm nay, hoặc tên cuối cùng nếu đã thôi tồn tại).",
            examples = "Phòng Nội vụ quận Gò Vấp")
        String collectingUnitName,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Ngày cuối cùng đơn vị nhận báo cáo tồn tại, nếu đã thôi tồn tại: không kỳ nào bắt đầu sau ngày"
                    + " này.",
            examples = "2025-06-30")
        LocalDate collectingUnitValidTo,
    @Schema(description = "Các đơn vị phải báo cáo.") ReportingUnitsSpec reportingUnits,
    @Schema(description = "Trạng thái.", examples = "ACTIVE") ReportingRegimeStatus status,
    @Schema(description = "Thời điểm tạo.", examples = "2026-01-05T08:30:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-01-06T09:00:00Z")
        Instant updatedAt,
    @Schema(
            description = "Phiên bản bản ghi, dùng làm ETag và If-Match (tăng ở mọi thay đổi).",
            examples = "1")
        long version)
    implements Versioned {

  static ReportingRegimeResponse of(
      ReportingRegime r,
      String sourceDirectiveNumber,
      String collectingUnitName,
      LocalDate collectingUnitValidTo) {
    return new ReportingRegimeResponse(
        r.id,
        r.code,
        r.name,
        r.templateId,
        r.templateNumber,
        r.frequency,
        r.firstPeriod,
        r.lastPeriod,
        r.sourceDirectiveId,
        sourceDirectiveNumber,
        RegimeCutOff.of(r.cutOff()),
        List.copyOf(r.dueDates),
        r.lockRule,
        r.collectingUnitId,
        collectingUnitName,
        collectingUnitValidTo,
        new ReportingUnitsSpec(
            r.reportingTargets,
            r.reportingKind,
            r.reportingOfUnitId,
            Arrays.asList(r.reportingUnitIds)),
        r.status,
        r.createdAt,
        r.updatedAt,
        r.version);
  }
}
