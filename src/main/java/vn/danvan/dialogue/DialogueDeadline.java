package vn.danvan.dialogue;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationState;

/** One deadline of a dialogue and its state on the day asked. */
@Schema(name = "DialogueDeadline", description = "Một thời hạn của hội nghị và tình trạng.")
public record DialogueDeadline(
    @Schema(description = "Loại nghĩa vụ.", examples = "DIALOGUE_ANNOUNCEMENT") ObligationKind kind,
    @Schema(description = "Ngày cuối cùng còn trong hạn.", examples = "2026-12-11")
        LocalDate dueDate,
    @Schema(description = "Ngày đã thực hiện (vắng nếu chưa).", examples = "2026-12-08")
        LocalDate doneDate,
    @Schema(description = "Tình trạng vào hôm nay.", examples = "DONE_ON_TIME")
        ObligationState state) {

  static DialogueDeadline of(ObligationKind kind, LocalDate due, LocalDate done, LocalDate day) {
    LocalDate doneBy = done != null && !done.isAfter(day) ? done : null;
    return new DialogueDeadline(kind, due, doneBy, ObligationState.of(due, done, day));
  }
}
