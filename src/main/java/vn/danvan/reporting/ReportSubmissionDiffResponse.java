package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportSubmissionDiff",
    description =
        "Khác biệt giữa hai phiên bản đã gửi của báo cáo: từng chỉ tiêu có giá trị nhập thay đổi và từng mục lời"
            + " văn thay đổi, theo thứ tự của mẫu.")
public record ReportSubmissionDiffResponse(
    @Schema(description = "Báo cáo.", examples = "5b0f3c52-8a5e-4c1e-9d0b-3f6f0d3b9a21")
        UUID submissionId,
    @Schema(description = "Phiên bản gốc (0: chưa có gì).", examples = "1") int from,
    @Schema(description = "Phiên bản so sánh.", examples = "2") int to,
    @Schema(description = "Các chỉ tiêu có giá trị thay đổi.") List<ValueChange> values,
    @Schema(description = "Các mục lời văn thay đổi.") List<NarrativeChange> narratives) {

  @Schema(name = "ReportValueChange", description = "Giá trị một chỉ tiêu trước và sau.")
  public record ValueChange(
      @Schema(description = "Mã chỉ tiêu.", examples = "TCD_LUOT") String code,
      @Schema(
              implementation = Object.class,
              description = "Giá trị ở phiên bản gốc (vắng: không có).",
              examples = "120")
          JsonNode before,
      @Schema(
              implementation = Object.class,
              description = "Giá trị ở phiên bản so sánh (vắng: không có).",
              examples = "125")
          JsonNode after) {}

  @Schema(name = "ReportNarrativeChange", description = "Lời văn một mục trước và sau.")
  public record NarrativeChange(
      @Schema(description = "Mã mục.", examples = "KET_QUA") String code,
      @Schema(description = "Lời văn ở phiên bản gốc (vắng: không có).") String before,
      @Schema(
              description = "Lời văn ở phiên bản so sánh (vắng: không có).",
              examples = "Tổ chức 12 hội nghị đối thoại với Nhân dân.")
          String after) {}
}
