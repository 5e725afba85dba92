package vn.danvan.task;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "TaskStatistics",
    description =
        "Số nhiệm vụ theo bốn tình trạng của Quyết định 42/2014/QĐ-TTg trong cây con của một đơn vị, tại ngày asOf;"
            + " không tính việc đã hủy và nhiệm vụ định kỳ (tính từng lần thực hiện của chúng).")
public record TaskStatisticsResponse(
    @Schema(description = "Đơn vị gốc của cây con.") UUID orgUnitId,
    @Schema(description = "Cách nhóm.", examples = "CHILD_UNIT") TaskStatisticsGroupBy groupBy,
    @Schema(description = "Ngày tính tình trạng.", examples = "2026-11-22") LocalDate asOf,
    @Schema(description = "Tổng của cả cây con.") Counts total,
    @Schema(description = "Các nhóm, sắp theo khóa.") List<Group> groups) {

  @Schema(name = "TaskStateCounts", description = "Số nhiệm vụ theo tình trạng.")
  public record Counts(
      @Schema(description = "Tổng.", examples = "120") long total,
      @Schema(description = "Đã hoàn thành đúng hạn.", examples = "70") long doneOnTime,
      @Schema(description = "Đã hoàn thành quá hạn.", examples = "10") long doneLate,
      @Schema(description = "Đang thực hiện, trong hạn.", examples = "30") long inProgressInTerm,
      @Schema(description = "Chưa hoàn thành, quá hạn.", examples = "10") long overdue) {}

  @Schema(name = "TaskStatisticsGroup", description = "Một nhóm.")
  public record Group(
      @Schema(
              description =
                  "Khóa nhóm: id đơn vị con (hoặc chính đơn vị gốc cho việc nó chủ trì), id văn bản (vắng: không theo văn bản), hoặc tháng YYYY-MM.",
              examples = "00000000-0000-4000-8002-000000000764")
          String key,
      @Schema(
              description = "Tên đơn vị hoặc số ký hiệu văn bản (nếu có).",
              examples = "Quận Gò Vấp")
          String label,
      @Schema(description = "Số nhiệm vụ theo tình trạng.") Counts counts) {}
}
