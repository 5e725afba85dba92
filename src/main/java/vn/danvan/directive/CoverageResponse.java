package vn.danvan.directive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "DirectiveCoverage",
    description =
        "Tình hình triển khai một văn bản tại một ngày: từng đơn vị có nghĩa vụ và tổng số theo tình trạng.")
public record CoverageResponse(
    @Schema(
            description = "Văn bản được triển khai.",
            examples = "5d7c2a3e-1b6f-4f0e-8a3c-6b2d9e1f4a70")
        UUID directiveId,
    @Schema(
            description =
                "Ngày tính tình trạng (giờ Việt Nam); văn bản ban hành sau ngày này coi như chưa ban hành.",
            examples = "2022-02-15")
        LocalDate asOf,
    @Schema(description = "Số đơn vị theo từng tình trạng (không phụ thuộc bộ lọc và trang).")
        Totals totals,
    @Schema(description = "Các đơn vị của trang.") List<Item> items,
    @Schema(
            description = "Con trỏ mờ của trang sau; vắng mặt ở trang cuối.",
            examples = "eyJrIjpbIlRow6BuaCBwaOG7kSBIw6AgTuG7mWkiXX0")
        String next) {

  @Schema(name = "DirectiveCoverageTotals", description = "Tổng số đơn vị theo tình trạng.")
  public record Totals(
      @Schema(description = "Tổng số đơn vị có nghĩa vụ.", examples = "6") long total,
      @Schema(description = "Đã ban hành đúng hạn.", examples = "2") long issuedOnTime,
      @Schema(description = "Đã ban hành quá hạn.", examples = "1") long issuedLate,
      @Schema(description = "Chưa ban hành, còn trong hạn.", examples = "0") long pendingInTerm,
      @Schema(description = "Chưa ban hành, đã quá hạn.", examples = "3") long overdue) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "DirectiveCoverageItem", description = "Tình trạng triển khai của một đơn vị.")
  public record Item(
      @Schema(description = "Đơn vị có nghĩa vụ.") Unit unit,
      @Schema(description = "Tình trạng.", examples = "ISSUED_ON_TIME") CoverageState state,
      @Schema(description = "Hạn ban hành văn bản triển khai.", examples = "2022-01-31")
          LocalDate dueDate,
      @Schema(
              description =
                  "Văn bản triển khai của đơn vị (vắng khi chưa ban hành tại ngày tính, hoặc khi đó là văn bản mật"
                      + " mà người gọi không được đọc: tình trạng vẫn tính văn bản đó).")
          Document document,
      @Schema(
              description =
                  "Đơn vị trước đây có nghĩa vụ này, khi nghĩa vụ được chuyển sang do sắp xếp đơn vị.",
              examples = "00000000-0000-4000-8003-000000026881")
          UUID transferredFromUnitId) {}

  @Schema(name = "DirectiveCoverageUnit", description = "Đơn vị, với tên tại ngày tính.")
  public record Unit(
      @Schema(description = "Mã định danh.", examples = "00000000-0000-4000-8001-000000000079")
          UUID id,
      @Schema(description = "Tên.", examples = "Thành phố Hồ Chí Minh") String name) {}

  @Schema(name = "DirectiveCoverageDocument", description = "Văn bản triển khai.")
  public record Document(
      @Schema(description = "Mã định danh.", examples = "0b8f7f0e-5c1d-4c6e-9a57-3f1f3f0f2a11")
          UUID id,
      @Schema(description = "Số, ký hiệu.", examples = "246/KH-UBND") String fullNumber,
      @Schema(description = "Ngày ban hành.", examples = "2022-01-21") LocalDate issueDate) {}
}
