package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "ReportTemplate",
    description =
        "Một mẫu báo cáo với phiên bản mới nhất (mục và chỉ tiêu) và danh sách các phiên bản.")
public record ReportTemplateResponse(
    @Schema(description = "Mã định danh (UUID).", examples = "00000000-0000-4b0c-9021-000000000001")
        UUID id,
    @Schema(description = "Mã mẫu, duy nhất.", examples = "BC-DVCQ") String code,
    @Schema(
            description = "Tên mẫu (của phiên bản mới nhất).",
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
    @Schema(
            description = "Đơn vị chủ quản (vắng: mẫu chung do admin quản lý).",
            examples = "00000000-0000-4000-8000-000000000003")
        UUID ownerUnitId,
    @Schema(description = "Trạng thái của phiên bản mới nhất.", examples = "PUBLISHED")
        ReportTemplateStatus status,
    @Schema(description = "Số của phiên bản mới nhất (từ 1).", examples = "1") int latestNumber,
    @Schema(
            description =
                "Số của phiên bản đã ban hành hiện hành (báo cáo mới lập theo phiên bản này); vắng khi chưa ban hành.",
            examples = "1")
        Integer publishedNumber,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Các mục của phiên bản mới nhất, theo thứ tự. Chỉ có khi đọc, tạo hoặc sửa một mẫu; danh sách mẫu không kèm.")
        List<TemplateSection> sections,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Các phiên bản, cũ trước (không kèm nội dung: GET …/versions/{number}). Không có trong danh sách mẫu.")
        List<VersionSummary> versions,
    @Schema(description = "Thời điểm tạo.", examples = "2026-01-05T08:30:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-01-06T09:00:00Z")
        Instant updatedAt,
    @Schema(
            description = "Phiên bản bản ghi, dùng làm ETag và If-Match (tăng ở mọi thay đổi).",
            examples = "2")
        long version)
    implements Versioned {

  @Schema(name = "ReportTemplateVersionSummary", description = "Tóm tắt một phiên bản mẫu.")
  public record VersionSummary(
      @Schema(description = "Số phiên bản (từ 1).", examples = "1") int number,
      @Schema(description = "Trạng thái.", examples = "PUBLISHED") ReportTemplateStatus status,
      @Schema(
              description = "Tên mẫu trong phiên bản này.",
              examples = "Báo cáo kết quả thực hiện công tác dân vận chính quyền")
          String name,
      @Schema(description = "Thời điểm tạo phiên bản.", examples = "2026-01-05T08:30:00Z")
          Instant createdAt,
      @Schema(
              description = "Thời điểm ban hành (vắng ở dự thảo).",
              examples = "2026-01-06T09:00:00Z")
          Instant publishedAt) {

    static VersionSummary of(ReportTemplateVersion v) {
      return new VersionSummary(v.number, v.status, v.name, v.createdAt, v.publishedAt);
    }
  }

  /** The template with its latest version's content and every version's summary. */
  static ReportTemplateResponse of(
      ReportTemplate t, ReportTemplateVersion latest, List<ReportTemplateVersion> versions) {
    Integer published =
        versions.stream()
            .filter(v -> v.status == ReportTemplateStatus.PUBLISHED)
            .map(v -> v.number)
            .findFirst()
            .orElse(null);
    return new ReportTemplateResponse(
        t.id,
        t.code,
        latest.name,
        latest.nameEn,
        latest.description,
        t.ownerUnitId,
        t.status,
        t.latestNumber,
        published,
        List.copyOf(latest.sections),
        versions.stream().map(VersionSummary::of).toList(),
        t.createdAt,
        t.updatedAt,
        t.version);
  }

  /** A list item: no sections, no versions. */
  static ReportTemplateResponse listItem(ReportTemplateRow r) {
    return new ReportTemplateResponse(
        r.id(),
        r.code(),
        r.name(),
        r.nameEn(),
        r.description(),
        r.ownerUnitId(),
        r.status(),
        r.latestNumber(),
        r.publishedNumber(),
        null,
        null,
        r.createdAt(),
        r.updatedAt(),
        r.version());
  }
}
