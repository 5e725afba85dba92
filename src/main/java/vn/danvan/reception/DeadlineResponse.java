package vn.danvan.reception;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "CaseDeadline",
    description = "Một thời hạn pháp định của vụ việc và trạng thái của nó hôm nay.")
public record DeadlineResponse(
    @Schema(description = "Loại thời hạn.", examples = "RESOLUTION") DeadlineKind kind,
    @Schema(description = "Quy tắc áp dụng (cấu hình).", examples = "complaint-first-complex")
        String rule,
    @Schema(description = "Ngày bắt đầu tính (nhận đơn hoặc thụ lý).", examples = "2026-03-10")
        LocalDate startDate,
    @Schema(description = "Số ngày (kể cả gia hạn).", examples = "45") int days,
    @Schema(description = "Tính theo ngày làm việc.", examples = "false") boolean workingDays,
    @Schema(description = "Hạn cuối.", examples = "2026-04-24") LocalDate dueDate,
    @Schema(description = "Ngày hoàn thành (thụ lý hoặc giải quyết).", examples = "2026-04-20")
        LocalDate metDate,
    @Schema(description = "Trạng thái.", examples = "IN_TERM") DeadlineState state) {

  static DeadlineResponse of(DeadlineRules.Deadline d) {
    return new DeadlineResponse(
        d.kind(),
        d.rule(),
        d.startDate(),
        d.days(),
        d.workingDays(),
        d.dueDate(),
        d.metDate(),
        d.state());
  }
}
