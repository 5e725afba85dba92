package vn.danvan.agenda;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;

/** The agenda's counts of kind × state, grouped. */
@Schema(
    name = "AgendaSummary",
    description =
        "Số nghĩa vụ theo loại × tình trạng vào ngày asOf, nhóm theo đơn vị con, loại hoặc tháng"
            + " đến hạn, kèm tổng; cùng bộ lọc thì tổng bằng số phần tử của danh sách chương trình"
            + " công tác.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgendaSummaryResponse(
    @Schema(
            description = "Đơn vị chọn; vắng khi không chọn (toàn bộ phạm vi của người dùng).",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID orgUnitId,
    @Schema(description = "Cách nhóm.", examples = "CHILD_UNIT") ObligationGrouping groupBy,
    @Schema(description = "Ngày tính tình trạng.", examples = "2026-06-30") LocalDate asOf,
    @Schema(description = "Tổng của mọi nhóm.") Counts total,
    @Schema(description = "Các nhóm có ít nhất một nghĩa vụ.") List<Group> groups) {

  /** One group: a child unit, a kind or a month. */
  @Schema(name = "AgendaSummaryGroup", description = "Một nhóm của số liệu tổng hợp.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Group(
      @Schema(
              description =
                  "Với CHILD_UNIT: đơn vị con trực tiếp (hoặc chính đơn vị chọn với nghĩa vụ của"
                      + " nó).",
              examples = "00000000-0000-4000-8002-000000026734")
          UUID orgUnitId,
      @Schema(description = "Tên đơn vị vào ngày asOf.", examples = "Phường Bến Thành")
          String orgUnitName,
      @Schema(description = "Với KIND: loại nghĩa vụ.", examples = "TASK") ObligationKind kind,
      @Schema(description = "Với MONTH: tháng đến hạn (YYYY-MM).", examples = "2026-06")
          String month,
      @Schema(description = "Số nghĩa vụ của nhóm theo tình trạng.") Counts counts,
      @Schema(description = "Với CHILD_UNIT và MONTH: số theo từng loại nghĩa vụ có trong nhóm.")
          List<KindCounts> kinds) {}

  /** The counts of one kind within a group. */
  @Schema(name = "AgendaKindCounts", description = "Số nghĩa vụ của một loại theo tình trạng.")
  public record KindCounts(
      @Schema(description = "Loại nghĩa vụ.", examples = "REPORT") ObligationKind kind,
      @Schema(description = "Số theo tình trạng.") Counts counts) {}

  /** The four states' counts and their sum. */
  @Schema(name = "AgendaStateCounts", description = "Số nghĩa vụ theo bốn tình trạng và tổng.")
  public record Counts(
      @Schema(description = "Tổng.", examples = "42") long total,
      @Schema(description = "Đã hoàn thành đúng hạn.", examples = "30") long doneOnTime,
      @Schema(description = "Đã hoàn thành quá hạn.", examples = "4") long doneLate,
      @Schema(description = "Đang thực hiện, trong hạn.", examples = "6") long inProgressInTerm,
      @Schema(description = "Chưa hoàn thành, quá hạn.", examples = "2") long overdue) {}
}
