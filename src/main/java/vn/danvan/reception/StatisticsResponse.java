package vn.danvan.reception;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReceptionStatistics",
    description =
        "Số liệu tiếp công dân của một cây đơn vị trong một khoảng thời gian: lượt tiếp, số người, đoàn đông người,"
            + " tố cáo nặc danh (đếm riêng) và vụ việc nhận trong kỳ đã thụ lý, đã giải quyết, đang quá hạn.")
public record StatisticsResponse(
    @Schema(description = "Nhóm theo.", examples = "CONTENT_KIND")
        ReceptionStatisticsGroupBy groupBy,
    @Schema(description = "Từ ngày.", examples = "2026-01-01") LocalDate from,
    @Schema(description = "Đến ngày.", examples = "2026-12-31") LocalDate to,
    @Schema(description = "Các nhóm.") List<Row> items,
    @Schema(description = "Tổng cộng.") Row total) {

  @Schema(name = "ReceptionStatisticsRow", description = "Số liệu của một nhóm.")
  public record Row(
      @Schema(
              description = "Mã nhóm (mã danh mục, mã đơn vị hoặc tháng YYYY-MM).",
              examples = "COMPLAINT")
          String key,
      @Schema(description = "Tên nhóm.", examples = "Khiếu nại") String label,
      @Schema(description = "Số lượt tiếp.", examples = "120") long visits,
      @Schema(description = "Số người.", examples = "185") long people,
      @Schema(description = "Số đoàn đông người.", examples = "4") long groups,
      @Schema(description = "Số lượt tố cáo nặc danh (đếm riêng).", examples = "2")
          long anonymousDenunciations,
      @Schema(description = "Vụ việc nhận trong kỳ đã thụ lý.", examples = "30") long casesAccepted,
      @Schema(description = "Vụ việc nhận trong kỳ đã giải quyết.", examples = "22")
          long casesResolved,
      @Schema(
              description = "Vụ việc nhận trong kỳ đang quá hạn (thụ lý hoặc giải quyết).",
              examples = "3")
          long casesOverdue) {}
}
