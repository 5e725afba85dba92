package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lock date's rule in a body and in answers (a {@link DueDateRule}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "ReportingDateRule",
    description =
        "Cách tính một ngày từ ngày chốt số liệu: DAY_OF_MONTH (ngày day của tháng cách tháng chốt số liệu"
            + " monthsAfter tháng) hoặc WORKING_DAYS_AFTER (ngày làm việc thứ workingDays sau ngày chốt). Ngày rơi"
            + " vào ngày nghỉ của lịch làm việc chuyển sang ngày làm việc kế tiếp.")
public record RegimeDateRule(
    @NotNull @Schema(description = "Cách tính.", examples = "DAY_OF_MONTH", required = true)
        DueDateKind kind,
    @Schema(
            description = "DAY_OF_MONTH: số tháng sau tháng chốt số liệu (0–12, mặc định 0).",
            examples = "1",
            minimum = "0",
            maximum = "" + DueDateRule.DayOfMonth.MAX_MONTHS_AFTER)
        Integer monthsAfter,
    @Schema(
            description = "DAY_OF_MONTH: ngày trong tháng (1–31).",
            examples = "15",
            minimum = "1",
            maximum = "" + CutOffRule.MAX_DAY)
        Integer day,
    @Schema(
            description = "WORKING_DAYS_AFTER: số ngày làm việc (1–60).",
            examples = "5",
            minimum = "1",
            maximum = "" + DueDateRule.WorkingDaysAfter.MAX_WORKING_DAYS)
        Integer workingDays) {

  DueDateRule toRule() {
    return switch (kind) {
      case DAY_OF_MONTH -> new DueDateRule.DayOfMonth(monthsAfter, day);
      case WORKING_DAYS_AFTER -> new DueDateRule.WorkingDaysAfter(workingDays);
    };
  }

  static RegimeDateRule of(DueDateRule rule) {
    return switch (rule) {
      case DueDateRule.DayOfMonth d ->
          new RegimeDateRule(DueDateKind.DAY_OF_MONTH, d.monthsAfter(), d.day(), null);
      case DueDateRule.WorkingDaysAfter w ->
          new RegimeDateRule(DueDateKind.WORKING_DAYS_AFTER, null, null, w.workingDays());
    };
  }
}
