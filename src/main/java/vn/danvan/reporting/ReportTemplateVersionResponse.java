package vn.danvan.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportTemplateVersion",
    description =
        "Một phiên bản của mẫu báo cáo với toàn bộ mục và chỉ tiêu; phiên bản đã ban hành không thay đổi.")
public record ReportTemplateVersionResponse(
    @Schema(
            description = "Mẫu báo cáo của phiên bản.",
            examples = "00000000-0000-4b0c-9021-000000000001")
        UUID templateId,
    @Schema(description = "Mã mẫu.", examples = "BC-DVCQ") String code,
    @Schema(description = "Số phiên bản (từ 1).", examples = "1") int number,
    @Schema(description = "Trạng thái.", examples = "PUBLISHED") ReportTemplateStatus status,
    @Schema(
            description = "Tên mẫu trong phiên bản này.",
            examples = "Báo cáo kết quả thực hiện công tác dân vận chính quyền")
        String name,
    @Schema(
            description = "Tên mẫu tiếng Anh.",
            examples = "Report on the mass mobilisation work of the government")
        String nameEn,
    @Schema(
            description = "Mô tả.",
            examples =
                "Báo cáo 6 tháng (trước ngày 05 tháng 5) và báo cáo năm (trước ngày 05 tháng 11).")
        String description,
    @Schema(description = "Các mục, theo thứ tự.") List<TemplateSection> sections,
    @Schema(description = "Thời điểm tạo phiên bản.", examples = "2026-01-05T08:30:00Z")
        Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-01-05T08:30:00Z")
        Instant updatedAt,
    @Schema(description = "Thời điểm ban hành (vắng ở dự thảo).", examples = "2026-01-06T09:00:00Z")
        Instant publishedAt) {

  static ReportTemplateVersionResponse of(ReportTemplate t, ReportTemplateVersion v) {
    return new ReportTemplateVersionResponse(
        t.id,
        t.code,
        v.number,
        v.status,
        v.name,
        v.nameEn,
        v.description,
        List.copyOf(v.sections),
        v.createdAt,
        v.updatedAt,
        v.publishedAt);
  }
}
