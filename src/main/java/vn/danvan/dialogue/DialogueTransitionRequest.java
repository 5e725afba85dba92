package vn.danvan.dialogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a dialogue: only the fields of its action, those required. */
@Schema(
    name = "DialogueTransitionRequest",
    description =
        "Một bước của hội nghị đối thoại. ANNOUNCE: announcementDate, announcementChannel. HOLD:"
            + " heldDate, chairName, chairRole, participantCount (householdCount, questions tùy"
            + " chọn). PUBLISH_RESULTS: resultsPublishedDate, resultsDocumentId. CANCEL: reason."
            + " Trường của thao tác khác: 400.")
public record DialogueTransitionRequest(
    @Schema(description = "Thao tác.", examples = "ANNOUNCE") @NotNull DialogueAction action,
    @Schema(description = "ANNOUNCE: ngày thông báo (không sau hôm nay).", examples = "2026-12-08")
        LocalDate announcementDate,
    @Schema(description = "ANNOUNCE: hình thức thông báo.", examples = "LOUDSPEAKER")
        AnnouncementChannel announcementChannel,
    @Schema(
            description = "HOLD: ngày tổ chức (không sau hôm nay, không trước ngày thông báo).",
            examples = "2026-12-18")
        LocalDate heldDate,
    @Schema(description = "HOLD: họ tên người chủ trì.", examples = "Trần Thị Bình")
        @Size(max = 200)
        String chairName,
    @Schema(description = "HOLD: vai trò người chủ trì.", examples = "COMMITTEE_CHAIR")
        DialogueRole chairRole,
    @Schema(description = "HOLD: số người dự.", examples = "120") @Min(0) @Max(1_000_000)
        Integer participantCount,
    @Schema(description = "HOLD: số hộ gia đình có đại diện dự.", examples = "95")
        @Min(0)
        @Max(1_000_000)
        Integer householdCount,
    @Schema(description = "HOLD: các ý kiến, câu hỏi và trả lời (tối đa 200).") @Size(max = 200)
        List<@NotNull @Valid DialogueQuestion> questions,
    @Schema(
            description =
                "PUBLISH_RESULTS: ngày công khai kết quả (không sau hôm nay, không trước ngày tổ"
                    + " chức).",
            examples = "2026-12-22")
        LocalDate resultsPublishedDate,
    @Schema(
            description = "PUBLISH_RESULTS: văn bản thông báo kết quả trong sổ văn bản (xem được).",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID resultsDocumentId,
    @Schema(description = "CANCEL: lý do hủy.", examples = "Thiên tai, dời sang năm sau")
        @Size(max = 1000)
        String reason) {}
