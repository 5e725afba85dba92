package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One level of the chain and its due date's rule, in a body and in answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "ReportingLevelDueDate",
    description =
        "Hạn gửi báo cáo của một cấp trong chuỗi báo cáo: cấp đầu tiên là các đơn vị báo cáo, mỗi cấp sau tổng"
            + " hợp báo cáo của cấp trước (phường gửi trước ngày 03, quận tổng hợp gửi trước ngày 05…). Hạn"
            + " phải sau ngày chốt số liệu ít nhất 01 ngày làm việc và không trước hạn của cấp trước.")
public record RegimeLevelRule(
    @NotBlank
        @Size(max = 40)
        @Schema(
            description = "Mã cấp: chữ in hoa, chữ số, _ (tối đa 40), bắt đầu bằng chữ; duy nhất.",
            examples = "COMMUNE",
            required = true)
        String level,
    @NotNull @Schema(description = "Cách tính hạn.", examples = "DAY_OF_MONTH", required = true)
        DueDateKind kind,
    @Schema(
            description = "DAY_OF_MONTH: số tháng sau tháng chốt số liệu (0–12, mặc định 0).",
            examples = "1",
            minimum = "0",
            maximum = "" + DueDateRule.DayOfMonth.MAX_MONTHS_AFTER)
        Integer monthsAfter,
    @Schema(
            description = "DAY_OF_MONTH: ngày trong tháng (1–31).",
            examples = "3",
            minimum = "1",
            maximum = "" + CutOffRule.MAX_DAY)
        Integer day,
    @Schema(
            description = "WORKING_DAYS_AFTER: số ngày làm việc (1–60).",
            examples = "3",
            minimum = "1",
            maximum = "" + DueDateRule.WorkingDaysAfter.MAX_WORKING_DAYS)
        Integer workingDays) {

  RegimeDateRule rule() {
    return new RegimeDateRule(kind, monthsAfter, day, workingDays);
  }

  LevelRule toRule() {
    return new LevelRule(level, rule().toRule());
  }

  static RegimeLevelRule of(LevelRule level) {
    RegimeDateRule r = RegimeDateRule.of(level.rule());
    return new RegimeLevelRule(level.level(), r.kind(), r.monthsAfter(), r.day(), r.workingDays());
  }
}
