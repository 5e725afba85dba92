package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportCompleteness",
    description =
        "Tình hình gửi báo cáo của một kỳ: từng đơn vị phải báo cáo (theo cây đơn vị vào ngày đầu kỳ; báo cáo"
            + " của đơn vị đã giải thể trước kỳ chuyển cho đơn vị kế thừa) và tổng cộng.")
public record ReportCompletenessResponse(
    @Schema(description = "Chế độ báo cáo.", examples = "00000000-0000-4b0d-9023-764000000001")
        UUID regimeId,
    @Schema(description = "Mã kỳ.", examples = "2023S1") String period,
    @Schema(description = "Đơn vị nhận báo cáo.", examples = "e7ef043b-872f-3d4c-bfff-3c3a98c6a29a")
        UUID collectingUnitId,
    @Schema(description = "Ngày tính tình trạng (hôm nay, giờ Việt Nam).", examples = "2023-05-05")
        LocalDate asOf,
    @Schema(description = "Tổng cộng trên các đơn vị được chọn.") Counts totals,
    @Schema(description = "Từng đơn vị phải báo cáo được chọn, theo thứ tự của kỳ.")
        List<UnitCompleteness> units) {

  @Schema(name = "ReportCompletenessCounts", description = "Số đơn vị theo tình hình gửi báo cáo.")
  public record Counts(
      @Schema(description = "Phải báo cáo.", examples = "20") int expected,
      @Schema(description = "Đã gửi (ít nhất một lần).", examples = "18") int submitted,
      @Schema(description = "Gửi đúng hạn (lần gửi đầu).", examples = "15") int onTime,
      @Schema(description = "Gửi quá hạn (lần gửi đầu).", examples = "3") int late,
      @Schema(description = "Chưa gửi lần nào.", examples = "2") int missing,
      @Schema(description = "Đang bị trả lại.", examples = "1") int returned,
      @Schema(description = "Đã được tiếp nhận.", examples = "12") int accepted,
      @Schema(description = "Tình trạng DONE_ON_TIME.", examples = "14") int doneOnTime,
      @Schema(description = "Tình trạng DONE_LATE.", examples = "3") int doneLate,
      @Schema(description = "Tình trạng IN_PROGRESS_IN_TERM.", examples = "0") int inProgressInTerm,
      @Schema(description = "Tình trạng OVERDUE.", examples = "3") int overdue) {}

  @Schema(name = "ReportCompletenessUnit", description = "Tình hình gửi báo cáo của một đơn vị.")
  public record UnitCompleteness(
      @Schema(description = "Đơn vị.") UUID unitId,
      @Schema(description = "Tên đơn vị vào ngày đầu kỳ.", examples = "Phường 12") String unitName,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(
              description =
                  "Đơn vị trong danh sách của chế độ mà đơn vị này kế thừa (đã giải thể trước ngày đầu kỳ).")
          UUID transferredFromUnitId,
      @Schema(description = "Báo cáo của đơn vị (vắng: chưa tạo).") UUID submissionId,
      @Schema(
              description =
                  "Trạng thái báo cáo: DRAFT, SUBMITTED, RETURNED, ACCEPTED; vắng khi chưa tạo.",
              examples = "SUBMITTED")
          String status,
      @Schema(description = "Số phiên bản đã gửi.", examples = "1") int versionCount,
      @Schema(description = "Đã gửi ít nhất một lần.", examples = "true") boolean submitted,
      @Schema(description = "Lần gửi đầu quá hạn (vắng: chưa gửi).", examples = "false")
          Boolean late,
      @Schema(description = "Thời điểm gửi lần đầu.", examples = "2023-05-03T08:15:00Z")
          Instant firstSubmittedAt,
      @Schema(description = "Hạn gửi của cấp của đơn vị.", examples = "2023-05-04")
          LocalDate dueDate,
      @Schema(
              description =
                  "Tình trạng: đã gửi (SUBMITTED, ACCEPTED) đúng hạn hoặc quá hạn; chưa gửi (chưa tạo, dự"
                      + " thảo, bị trả lại) còn hạn hoặc quá hạn so với hôm nay.",
              examples = "DONE_ON_TIME")
          ReportState state) {}
}
