package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "RestructuringResult",
    description = "Kết quả (hoặc kết quả dự kiến, khi dryRun) của một lần sắp xếp.")
public record RestructuringResponse(
    @Schema(description = "Mã lần sắp xếp (không lưu khi dryRun).") UUID id,
    @Schema(description = "Loại sắp xếp.", examples = "MERGE") RestructuringKind kind,
    @Schema(description = "Ngày hiệu lực.", examples = "2025-07-01") LocalDate effectiveDate,
    @Schema(description = "Căn cứ pháp lý.", examples = "Nghị quyết số 1685/NQ-UBTVQH15")
        String legalBasis,
    @Schema(description = "true: chỉ mô phỏng, không ghi gì.", examples = "false") boolean dryRun,
    @Schema(description = "Đơn vị mới, như vào ngày hiệu lực.") List<OrgUnitResponse> createdUnits,
    @Schema(description = "Đơn vị chấm dứt, như vào ngày trước ngày hiệu lực.")
        List<OrgUnitResponse> closedUnits,
    @Schema(description = "Đơn vị đổi tên, mã hoặc cấp trên, như vào ngày hiệu lực.")
        List<OrgUnitResponse> changedUnits,
    @Schema(description = "Quan hệ kế thừa được ghi nhận.") List<LineageLink> lineage,
    @Schema(
            description =
                "Việc còn dở được chuyển cho đơn vị kế thừa (nhiệm vụ, hồ sơ, nghĩa vụ báo cáo…).")
        List<RestructuringListener.Transfer> transfers) {

  @Schema(name = "LineageLink", description = "Tiền thân → kế thừa.")
  public record LineageLink(
      @Schema(description = "Đơn vị tiền thân.") UUID predecessorId,
      @Schema(description = "Đơn vị kế thừa.") UUID successorId,
      @Schema(description = "Toàn bộ hay một phần.", examples = "FULL") LineageKind kind) {}
}
