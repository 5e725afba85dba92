package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Lineage", description = "Các đơn vị tiền thân và kế thừa trực tiếp của một đơn vị.")
public record LineageResponse(
    @Schema(description = "Đơn vị được hỏi.", examples = "00000000-0000-4000-8004-000000026882")
        UUID unitId,
    @Schema(description = "Đơn vị tiền thân (đã nhập vào / chia cho đơn vị này).")
        List<Edge> predecessors,
    @Schema(description = "Đơn vị kế thừa (đơn vị này đã nhập vào / chia cho).")
        List<Edge> successors) {

  @Schema(name = "LineageEdge", description = "Một quan hệ kế thừa.")
  public record Edge(
      @Schema(
              description = "Đơn vị ở đầu kia của quan hệ.",
              examples = "00000000-0000-4000-8003-000000026881")
          UUID unitId,
      @Schema(
              description =
                  "Tên đơn vị đó (phiên bản cuối cùng trước ngày hiệu lực hoặc từ ngày hiệu lực).",
              examples = "Phường 12")
          String name,
      @Schema(description = "Mã chính thức của đơn vị đó.", examples = "26881") String code,
      @Schema(description = "Loại đơn vị đó.", examples = "COMMUNE") OrgUnitKind unitKind,
      @Schema(description = "Toàn bộ hay một phần.", examples = "FULL") LineageKind kind,
      @Schema(description = "Ngày hiệu lực của việc sắp xếp.", examples = "2025-07-01")
          LocalDate effectiveDate,
      @Schema(description = "Lần sắp xếp đã tạo quan hệ này.") UUID restructuringId,
      @Schema(
              description = "Căn cứ pháp lý.",
              examples = "Nghị quyết số 1685/NQ-UBTVQH15 ngày 16/6/2025")
          String legalBasis) {}
}
