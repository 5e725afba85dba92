package vn.danvan.agenda;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationState;

/** One obligation of the agenda, with the owing unit's name. */
@Schema(
    name = "AgendaItem",
    description =
        "Một nghĩa vụ của đơn vị: loại, đơn vị phải thực hiện, hạn, tình trạng theo Quyết định"
            + " 42/2014 vào ngày asOf, tiêu đề và đường dẫn tới tài nguyên. Không bao giờ chứa dữ liệu"
            + " cá nhân (hạn của vụ việc chỉ nêu số vụ việc).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgendaItem(
    @Schema(description = "Loại nghĩa vụ.", examples = "TASK") ObligationKind kind,
    @Schema(
            description =
                "Mã của nghĩa vụ, duy nhất trong loại: mã nhiệm vụ, mã dòng nghĩa vụ của văn bản, mã"
                    + " vụ việc…; với nghĩa vụ không có bản ghi riêng (báo cáo phải nộp) là UUID"
                    + " sinh từ tên (chế độ, kỳ, đơn vị).",
            examples = "6f1c2a4e-3b7d-4c8e-9a01-2b3c4d5e6f70")
        UUID id,
    @Schema(
            description = "Đơn vị phải thực hiện.",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID orgUnitId,
    @Schema(description = "Tên đơn vị vào ngày asOf.", examples = "Thành phố Hồ Chí Minh")
        String orgUnitName,
    @Schema(description = "Hạn (ngày cuối cùng còn trong hạn).", examples = "2026-06-30")
        LocalDate dueDate,
    @Schema(description = "Tình trạng vào ngày asOf.", examples = "OVERDUE") ObligationState state,
    @Schema(
            description = "Ngày hoàn thành, nếu đã hoàn thành trước hoặc vào ngày asOf.",
            examples = "2026-06-25")
        LocalDate doneDate,
    @Schema(
            description = "Tiêu đề ngắn.",
            examples = "Tổ chức hội nghị đối thoại với Nhân dân quý II")
        String title,
    @Schema(
            description = "Đường dẫn API của tài nguyên.",
            examples = "/api/v1/tasks/6f1c2a4e-3b7d-4c8e-9a01-2b3c4d5e6f70")
        String href) {

  static AgendaItem of(Obligation o, String unitName) {
    return new AgendaItem(
        o.kind(),
        o.id(),
        o.orgUnitId(),
        unitName,
        o.dueDate(),
        o.state(),
        o.doneDate(),
        o.title(),
        o.href());
  }
}
