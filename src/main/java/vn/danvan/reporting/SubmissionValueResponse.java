package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator's value in an answer: entered and computed, both visible. */
@Schema(
    name = "ReportSubmissionValue",
    description =
        "Giá trị một chỉ tiêu của báo cáo: giá trị đơn vị nhập (ban đầu là giá trị hệ thống tính sẵn) và, với chỉ"
            + " tiêu có nguồn số liệu, giá trị hệ thống tính cùng nguồn gốc của nó; differs cho biết hai giá trị"
            + " khác nhau.")
public record SubmissionValueResponse(
    @Schema(
            implementation = Object.class,
            description =
                "Giá trị đơn vị báo cáo nhập (số, chuỗi hoặc true/false theo kiểu chỉ tiêu); vắng khi chưa có.",
            examples = "125")
        JsonNode value,
    @Schema(
            implementation = Object.class,
            description = "Giá trị hệ thống tính từ nguồn số liệu; vắng khi không có.",
            examples = "120")
        JsonNode computed,
    @Schema(
            description = "Giá trị nhập khác giá trị hệ thống tính (chỉ khi có giá trị tính).",
            examples = "true")
        boolean differs,
    @Schema(description = "Nguồn số liệu của giá trị tính.") IndicatorSourceSpec source,
    @Schema(description = "Thời điểm hệ thống tính giá trị.", examples = "2023-05-02T02:15:00Z")
        Instant computedAt) {

  static SubmissionValueResponse of(SubmissionValue v) {
    if (v == null) {
      return new SubmissionValueResponse(null, null, false, null, null);
    }
    JsonNode computed = v.computedValue();
    return new SubmissionValueResponse(
        v.entered(),
        computed,
        v.source() != null && SubmissionValue.differ(v.entered(), computed),
        v.source(),
        v.computedAt());
  }
}
