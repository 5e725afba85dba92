package vn.danvan.agenda;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationState;

/** A notice that an obligation falls due soon or is overdue, as the feed and webhooks send it. */
@Schema(
    name = "ObligationNotice",
    description =
        "Thông báo một nghĩa vụ sắp đến hạn (OBLIGATION_DUE_SOON) hoặc đã quá hạn"
            + " (OBLIGATION_OVERDUE), do lượt quét định kỳ của lịch nghĩa vụ ghi, mỗi nghĩa vụ một lần"
            + " cho mỗi sự kiện và mỗi hạn (hạn đổi, ví dụ được gia hạn, thì thông báo lại). Chép lại"
            + " mục của lịch nghĩa vụ lúc quét; không bao giờ chứa dữ liệu cá nhân (hạn của vụ việc"
            + " chỉ nêu số vụ việc). Trạng thái hiện tại của nghĩa vụ: đọc href.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObligationNoticeResponse(
    @Schema(description = "Mã thông báo.", examples = "0b9a7c62-1f4e-4d2a-8c3b-5e6f7a8b9c0d")
        UUID id,
    @Schema(description = "Sự kiện.", examples = "OVERDUE") ObligationNoticeEvent event,
    @Schema(description = "Loại nghĩa vụ.", examples = "TASK") ObligationKind kind,
    @Schema(
            description = "Mã của nghĩa vụ trong loại (như id của mục lịch nghĩa vụ).",
            examples = "6f1c2a4e-3b7d-4c8e-9a01-2b3c4d5e6f70")
        UUID obligationId,
    @Schema(description = "Hạn (ngày cuối cùng còn trong hạn).", examples = "2026-06-30")
        LocalDate dueDate,
    @Schema(
            description =
                "Tình trạng lúc quét: IN_PROGRESS_IN_TERM với DUE_SOON, OVERDUE với OVERDUE.",
            examples = "OVERDUE")
        ObligationState state,
    @Schema(
            description = "Đơn vị phải thực hiện.",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID orgUnitId,
    @Schema(description = "Tên đơn vị vào ngày quét.", examples = "Thành phố Hồ Chí Minh")
        String orgUnitName,
    @Schema(
            description = "Tiêu đề ngắn của nghĩa vụ.",
            examples = "Tổ chức hội nghị đối thoại với Nhân dân quý II")
        String title,
    @Schema(
            description = "Đường dẫn API của tài nguyên.",
            examples = "/api/v1/tasks/6f1c2a4e-3b7d-4c8e-9a01-2b3c4d5e6f70")
        String href,
    @Schema(description = "Ngày quét (theo giờ Việt Nam).", examples = "2026-07-01")
        LocalDate noticedOn,
    @Schema(description = "Thời điểm ghi thông báo (RFC 3339).", examples = "2026-07-01T01:00:00Z")
        OffsetDateTime createdAt) {}
