package vn.danvan.models;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.persistence.OrgUnitMode;

@Schema(
    name = "GoodPracticeStatistics",
    description =
        "Số mô hình \"Dân vận khéo\" của các đơn vị được chọn (mô hình có ít nhất một đơn vị trong phạm vi"
            + " chọn), theo nhóm; mỗi nhóm tách theo lĩnh vực × trạng thái × cấp công nhận (cells). Một mô"
            + " hình của nhiều đơn vị con được tính ở mỗi đơn vị con đó, nhưng chỉ một lần trong tổng.")
public record GoodPracticeStatisticsResponse(
    @Schema(description = "Đơn vị được chọn.", examples = "00000000-0000-4000-8001-000000000079")
        UUID orgUnitId,
    @Schema(description = "Phạm vi theo đơn vị.", examples = "DESCENDANTS") OrgUnitMode orgUnitMode,
    @Schema(description = "Năm đăng ký (vắng: mọi năm).", examples = "2026") Integer year,
    @Schema(description = "Cách nhóm.", examples = "CHILD_UNIT")
        GoodPracticeStatisticsGroupBy groupBy,
    @Schema(description = "Tổng của cả phạm vi chọn (mỗi mô hình một lần).") Counts total,
    @Schema(description = "Các nhóm, theo khóa.") List<Group> groups) {

  @Schema(name = "GoodPracticeCounts", description = "Số mô hình theo trạng thái, kèm chi tiết.")
  public record Counts(
      @Schema(description = "Tổng số mô hình.", examples = "12") long total,
      @Schema(description = "Đã đăng ký, chưa triển khai.", examples = "2") long registered,
      @Schema(description = "Đang triển khai.", examples = "5") long implementing,
      @Schema(description = "Đã được công nhận.", examples = "4") long recognised,
      @Schema(description = "Đã dừng.", examples = "1") long discontinued,
      @Schema(description = "Chi tiết theo lĩnh vực × trạng thái × cấp công nhận (chỉ ô khác 0).")
          List<Cell> cells) {}

  @Schema(
      name = "GoodPracticeCountCell",
      description = "Số mô hình của một lĩnh vực, trạng thái, cấp.")
  public record Cell(
      @Schema(description = "Lĩnh vực.", examples = "ECONOMY") GoodPracticeField field,
      @Schema(description = "Trạng thái.", examples = "RECOGNISED") GoodPracticeStatus status,
      @Schema(description = "Cấp công nhận (vắng: chưa được công nhận).", examples = "PROVINCE")
          RecognitionLevel recognitionLevel,
      @Schema(description = "Số mô hình.", examples = "3") long count) {}

  @Schema(name = "GoodPracticeStatisticsGroup", description = "Một nhóm.")
  public record Group(
      @Schema(
              description =
                  "Khóa nhóm: id đơn vị con (hoặc chính đơn vị chọn với mô hình của nó), mã lĩnh vực, mã"
                      + " trạng thái hoặc mã cấp công nhận.",
              examples = "00000000-0000-4000-8004-000000026882")
          String key,
      @Schema(description = "Tên đơn vị (nhóm theo đơn vị).", examples = "Phường An Hội Tây")
          String label,
      @Schema(description = "Số mô hình của nhóm.") Counts counts) {}
}
