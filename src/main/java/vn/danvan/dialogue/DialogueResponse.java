package vn.danvan.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "Dialogue",
    description =
        "Một hội nghị đối thoại giữa chính quyền cấp xã với Nhân dân, kèm các thời hạn và tình trạng"
            + " vào hôm nay.")
public record DialogueResponse(
    @Schema(description = "Mã hội nghị.", examples = "00000000-0000-4e1a-9031-000000000001")
        UUID id,
    @Schema(
            description = "Đơn vị cấp xã tổ chức.",
            examples = "00000000-0000-4000-8004-000000026882")
        UUID orgUnitId,
    @Schema(description = "Chủ đề.", examples = "Đối thoại về chỉnh trang đô thị năm 2026")
        String topic,
    @Schema(description = "Nội dung chi tiết.", examples = "Lấy ý kiến về tuyến hẻm 12.")
        String description,
    @Schema(description = "Lý do tổ chức.", examples = "YEARLY") DialogueKind kind,
    @Schema(description = "Ngày dự kiến tổ chức.", examples = "2026-12-18") LocalDate plannedDate,
    @Schema(description = "Trạng thái.", examples = "ANNOUNCED") DialogueStatus status,
    @Schema(description = "Ngày thông báo.", examples = "2026-12-08") LocalDate announcementDate,
    @Schema(description = "Hình thức thông báo.", examples = "LOUDSPEAKER")
        AnnouncementChannel announcementChannel,
    @Schema(description = "Ngày tổ chức.", examples = "2026-12-18") LocalDate heldDate,
    @Schema(description = "Họ tên người chủ trì.", examples = "Trần Thị Bình") String chairName,
    @Schema(description = "Vai trò người chủ trì.", examples = "COMMITTEE_CHAIR")
        DialogueRole chairRole,
    @Schema(description = "Số người dự.", examples = "120") Integer participantCount,
    @Schema(description = "Số hộ gia đình có đại diện dự.", examples = "95") Integer householdCount,
    @Schema(description = "Các ý kiến, câu hỏi và trả lời.") List<DialogueQuestion> questions,
    @Schema(description = "Số ý kiến, câu hỏi.", examples = "3") int questionCount,
    @Schema(description = "Số ý kiến đã được trả lời tại hội nghị.", examples = "2")
        int answeredCount,
    @Schema(description = "Ngày công khai kết quả.", examples = "2026-12-22")
        LocalDate resultsPublishedDate,
    @Schema(
            description = "Văn bản thông báo kết quả.",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID resultsDocumentId,
    @Schema(description = "Ngày hủy.", examples = "2026-12-01") LocalDate cancelledDate,
    @Schema(description = "Lý do hủy.", examples = "Thiên tai") String cancelReason,
    @Schema(description = "Các nhiệm vụ theo dõi kết luận.") List<UUID> taskIds,
    @Schema(description = "Ghi chú.", examples = "Phối hợp Ủy ban MTTQ phường") String note,
    @Schema(
            description =
                "Thời hạn thông báo (DIALOGUE_ANNOUNCEMENT) và công khai kết quả (DIALOGUE_RESULTS),"
                    + " tình trạng vào hôm nay; trống khi đã hủy.")
        List<DialogueDeadline> deadlines,
    @Schema(description = "Thời điểm tạo.", examples = "2026-11-30T02:00:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-11-30T02:00:00Z")
        Instant updatedAt,
    @Schema(description = "Phiên bản (ETag).", examples = "0") long version)
    implements Versioned {

  static DialogueResponse of(Dialogue d, LocalDate today) {
    List<DialogueDeadline> deadlines =
        d.status.binds()
            ? List.of(
                DialogueDeadline.of(
                    ObligationKind.DIALOGUE_ANNOUNCEMENT,
                    d.announcementDue,
                    d.announcementDate,
                    today),
                DialogueDeadline.of(
                    ObligationKind.DIALOGUE_RESULTS, d.resultsDue, d.resultsPublishedDate, today))
            : List.of();
    return new DialogueResponse(
        d.id,
        d.unitId,
        d.topic,
        d.description,
        d.kind,
        d.plannedDate,
        d.status,
        d.announcementDate,
        d.announcementChannel,
        d.heldDate,
        d.chairName,
        d.chairRole,
        d.participantCount,
        d.householdCount,
        List.copyOf(d.questions),
        d.questionCount,
        d.answeredCount,
        d.resultsPublishedDate,
        d.resultsDocumentId,
        d.cancelledDate,
        d.cancelReason,
        List.of(d.taskIds),
        d.note,
        deadlines,
        d.createdAt,
        d.updatedAt,
        d.version);
  }
}
