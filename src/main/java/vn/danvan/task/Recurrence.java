package vn.danvan.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "Định kỳ": a task due again and again, e.g. the six-month report before 05/5 (YEARLY, day 5,
 * month 5), the annual one before 05/11, or a monthly report on the 25th (MONTHLY, day 25). Each
 * scheduled date becomes an occurrence of its own; a day past the end of a month means its last
 * day.
 */
@Schema(
    description =
        "Lịch định kỳ: mỗi kỳ sinh một nhiệm vụ con có hạn riêng (lần thực hiện), theo dõi riêng.")
public record Recurrence(
    @NotNull @Schema(description = "Chu kỳ.", examples = "YEARLY", required = true)
        RecurrenceFrequency frequency,
    @NotNull
        @Min(1)
        @Max(31)
        @Schema(
            description = "Ngày hạn trong tháng (ngày lớn hơn số ngày của tháng: ngày cuối tháng).",
            examples = "5",
            required = true)
        Integer dayOfMonth,
    @Min(1)
        @Max(12)
        @Schema(
            description =
                "Một tháng có hạn (bắt buộc với QUARTERLY, SEMIANNUAL, YEARLY; các tháng khác cách nhau đúng chu kỳ).",
            examples = "11")
        Integer month,
    @Schema(
            description = "Kỳ đầu tiên không trước ngày này (mặc định: ngày giao).",
            examples = "2023-03-10")
        LocalDate startDate,
    @Schema(
            description = "Không sinh kỳ nào sau ngày này (vắng: không kết thúc).",
            examples = "2025-12-31")
        LocalDate endDate) {

  /** The scheduled dates in [startDate, min(endDate, until)], oldest first, at most {@code max}. */
  List<LocalDate> dates(LocalDate until, int max) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate last = endDate != null && endDate.isBefore(until) ? endDate : until;
    for (YearMonth ym = YearMonth.from(startDate);
        !ym.atDay(1).isAfter(last) && out.size() < max;
        ym = ym.plusMonths(1)) {
      if (!inCycle(ym.getMonthValue())) {
        continue;
      }
      LocalDate d = ym.atDay(Math.min(dayOfMonth, ym.lengthOfMonth()));
      if (!d.isBefore(startDate) && !d.isAfter(last)) {
        out.add(d);
      }
    }
    return out;
  }

  private boolean inCycle(int m) {
    if (frequency == RecurrenceFrequency.MONTHLY) {
      return true;
    }
    return Math.floorMod(m - month, frequency.months) == 0;
  }
}
