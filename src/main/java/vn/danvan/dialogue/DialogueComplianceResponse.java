package vn.danvan.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "DialogueCompliance",
    description =
        "Việc thực hiện đối thoại với Nhân dân của các đơn vị cấp xã trong năm, vào ngày asOf.")
public record DialogueComplianceResponse(
    @Schema(description = "Năm.", examples = "2026") int year,
    @Schema(description = "Ngày tính tình trạng.", examples = "2026-11-30") LocalDate asOf,
    @Schema(description = "Tổng của các đơn vị.") Totals totals,
    @Schema(description = "Từng đơn vị cấp xã, theo mã.") List<UnitCompliance> items) {

  @Schema(name = "DialogueComplianceTotals", description = "Tổng của các đơn vị.")
  public record Totals(
      @Schema(description = "Số đơn vị cấp xã.", examples = "6") long units,
      @Schema(description = "Số đơn vị đã đối thoại trong năm.", examples = "5")
          long unitsWithDialogue,
      @Schema(description = "Số đơn vị chưa đối thoại lần nào trong năm.", examples = "1")
          long unitsWithout,
      @Schema(description = "Số hội nghị đã tổ chức trong năm.", examples = "7") long dialoguesHeld,
      @Schema(description = "Số thông báo trễ hạn (đã trễ hoặc quá hạn chưa làm).", examples = "1")
          long lateAnnouncements,
      @Schema(description = "Số lần công khai kết quả trễ hạn.", examples = "0")
          long lateResults) {}

  @Schema(name = "UnitDialogueCompliance", description = "Một đơn vị cấp xã.")
  public record UnitCompliance(
      @Schema(description = "Đơn vị.", examples = "00000000-0000-4000-8004-000000026882")
          UUID orgUnitId,
      @Schema(description = "Tên đơn vị.", examples = "Phường An Hội Tây") String name,
      @Schema(description = "Số hội nghị đã tổ chức trong năm đến ngày asOf.", examples = "1")
          long dialoguesHeld,
      @Schema(description = "Ngày tổ chức hội nghị đầu tiên trong năm.", examples = "2026-06-12")
          LocalDate firstHeldDate,
      @Schema(description = "Nghĩa vụ đối thoại ít nhất một lần trong năm (hạn 31/12).")
          DialogueDeadline yearly,
      @Schema(description = "Số thông báo đến hạn trong năm.", examples = "1")
          long announcementsDue,
      @Schema(description = "Số thông báo trễ hạn.", examples = "0") long lateAnnouncements,
      @Schema(description = "Số lần công khai kết quả đến hạn trong năm.", examples = "1")
          long resultsDue,
      @Schema(description = "Số lần công khai kết quả trễ hạn.", examples = "0")
          long lateResults) {}
}
