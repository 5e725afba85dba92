package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportingPeriod",
    description =
        "Một kỳ báo cáo của một chế độ: thời gian chốt số liệu, hạn gửi của từng cấp, ngày khóa số liệu và các"
            + " đơn vị phải báo cáo, theo cây đơn vị vào ngày đầu kỳ. Kỳ được tính, không lưu.")
public record ReportingPeriodResponse(
    @Schema(description = "Chế độ báo cáo.", examples = "00000000-0000-4b0d-9023-764000000001")
        UUID regimeId,
    @Schema(description = "Mã kỳ.", examples = "2023S1") String code,
    @Schema(description = "Tần suất.", examples = "SEMI_ANNUAL") ReportingFrequency frequency,
    @Schema(description = "Ngày đầu của kỳ (theo lịch).", examples = "2023-01-01")
        LocalDate startDate,
    @Schema(description = "Ngày cuối của kỳ (theo lịch).", examples = "2023-06-30")
        LocalDate endDate,
    @Schema(description = "Ngày đầu của thời gian chốt số liệu.", examples = "2022-12-15")
        LocalDate windowStartDate,
    @Schema(
            description = "Ngày chốt số liệu: ngày cuối của thời gian chốt số liệu.",
            examples = "2023-04-14")
        LocalDate windowEndDate,
    @Schema(description = "Hạn gửi của từng cấp, theo thứ tự của chuỗi báo cáo.")
        List<LevelDueDate> dueDates,
    @Schema(
            description =
                "Ngày khóa số liệu: sau ngày này chỉ đơn vị nhận báo cáo mở lại được báo cáo của kỳ.",
            examples = "2023-05-15")
        LocalDate lockDate,
    @Schema(description = "Đơn vị nhận báo cáo.", examples = "e7ef043b-872f-3d4c-bfff-3c3a98c6a29a")
        UUID collectingUnitId,
    @Schema(
            description = "Tên đơn vị nhận báo cáo vào ngày đầu kỳ.",
            examples = "Phòng Nội vụ quận Gò Vấp")
        String collectingUnitName,
    @Schema(description = "Số đơn vị phải báo cáo trong kỳ.", examples = "20")
        int expectedUnitCount,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Các đơn vị phải báo cáo trong kỳ, với tên vào ngày đầu kỳ. Chỉ có khi xem một kỳ"
                    + " (GET …/periods/{code}); danh sách kỳ chỉ kèm số lượng.")
        List<ExpectedUnit> expectedUnits) {

  @Schema(name = "ReportingExpectedUnit", description = "Một đơn vị phải báo cáo trong một kỳ.")
  public record ExpectedUnit(
      @Schema(description = "Đơn vị.", examples = "00000000-0000-4000-8003-000000026881")
          UUID unitId,
      @Schema(description = "Tên đơn vị vào ngày đầu kỳ.", examples = "Phường 12") String name,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(
              description =
                  "Đơn vị có trong danh sách của chế độ mà đơn vị này kế thừa (đơn vị đó đã thôi tồn tại trước"
                      + " ngày đầu kỳ); vắng khi đơn vị tự mình phải báo cáo.",
              examples = "00000000-0000-4000-8003-000000026881")
          UUID transferredFromUnitId) {}

  /** The same period without its units (a list item). */
  ReportingPeriodResponse withoutUnits() {
    return new ReportingPeriodResponse(
        regimeId,
        code,
        frequency,
        startDate,
        endDate,
        windowStartDate,
        windowEndDate,
        dueDates,
        lockDate,
        collectingUnitId,
        collectingUnitName,
        expectedUnitCount,
        null);
  }
}
