package vn.danvan.reception;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

@Schema(
    name = "ReceptionVisitRequest",
    description =
        "Một dòng của Sổ tiếp công dân (Mẫu 03, Thông tư 04/2021/TT-TTCP). Khi sửa, bỏ trống visitors"
            + " để giữ nguyên những người đã ghi (người không được xem đầy đủ không thể gửi lại).")
public record VisitRequest(
    @Schema(
            description = "Buổi tiếp (không bắt buộc), cùng đơn vị.",
            examples = "6f1c1a52-3e7e-4c55-9d1a-0f8b3c2d1e01")
        UUID sessionId,
    @Schema(description = "Đơn vị tiếp.", examples = "00000000-0000-4000-8004-000000026882")
        @NotNull
        UUID orgUnitId,
    @Schema(description = "Thời điểm tiếp.", examples = "2026-03-05T08:30:00+07:00") @NotNull
        OffsetDateTime receivedAt,
    @Schema(
            description =
                "Người đến; với đoàn đông người (từ 5 người) là những người đại diện (representative=true)."
                    + " Bỏ trống khi tố cáo nặc danh.")
        @Size(max = 50)
        List<@Valid Visitor> visitors,
    @Schema(description = "Tố cáo nặc danh (không ghi người đến).", examples = "false")
        Boolean anonymous,
    @Schema(
            description = "Số người của lượt tiếp (mặc định: số người ghi nhận, tối thiểu 1).",
            examples = "1",
            minimum = "1",
            maximum = "" + ReceptionVisitService.MAX_GROUP_SIZE)
        Integer groupSize,
    @Schema(description = "Loại nội dung.", examples = "COMPLAINT") @NotNull
        ContentKind contentKind,
    @Schema(description = "Lĩnh vực.", examples = "LAND") @NotNull VisitField field,
    @Schema(
            description = "Tóm tắt nội dung.",
            examples = "Khiếu nại quyết định thu hồi đất thửa số 125, tờ bản đồ số 7")
        @NotBlank
        @Size(max = 4000)
        String summary,
    @Schema(description = "Cơ quan đã giải quyết trước đó.", examples = "UBND quận Gò Vấp")
        @Size(max = 300)
        String previouslyHandledBy,
    @Schema(description = "Kết quả xử lý.", examples = "ACCEPTED_FOR_RESOLUTION")
        VisitOutcome outcome,
    @Schema(
            description = "Cơ quan được chuyển đến (khi TRANSFERRED).",
            examples = "Thanh tra Thành phố")
        @Size(max = 300)
        String transferTarget,
    @Schema(
            description = "Lý do từ chối (khi REFUSED).",
            examples = "Vụ việc đã giải quyết đúng pháp luật")
        @Size(max = 1000)
        String refusalReason,
    @Schema(description = "Theo dõi kết quả giải quyết.", examples = "Hẹn trả lời trước 20/3/2026")
        @Size(max = 2000)
        String followUp,
    @Schema(
            description = "Vụ việc (cùng loại nội dung) mà lượt tiếp thuộc về.",
            examples = "8a0e4c1b-2d3f-4a5b-9c6d-7e8f9a0b1c2d")
        UUID caseId,
    @Schema(
            description =
                "Hệ thống nguồn đã đẩy bản ghi (cùng sourceId là khóa nguồn, duy nhất theo loại bản ghi);"
                    + " bản ghi có khóa nguồn chỉ hệ thống đó (hoặc quản trị) được thay đổi.",
            examples = "HCM-EGOV")
        @Size(max = 64)
        String sourceSystem,
    @Schema(description = "Mã của bản ghi trong hệ thống nguồn.", examples = "TCD-2026-000125")
        @Size(max = 200)
        String sourceId,
    @Schema(
            description =
                "Phiên bản của bản ghi trong hệ thống nguồn: lần đẩy cũ hơn bản đang lưu bị từ chối (409).",
            examples = "3")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa bản ghi lần cuối.",
            examples = "2026-03-05T08:45:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** Without provenance (a record made in this API). */
  public VisitRequest(
      UUID sessionId,
      UUID orgUnitId,
      OffsetDateTime receivedAt,
      List<Visitor> visitors,
      Boolean anonymous,
      Integer groupSize,
      ContentKind contentKind,
      VisitField field,
      String summary,
      String previouslyHandledBy,
      VisitOutcome outcome,
      String transferTarget,
      String refusalReason,
      String followUp,
      UUID caseId) {
    this(
        sessionId,
        orgUnitId,
        receivedAt,
        visitors,
        anonymous,
        groupSize,
        contentKind,
        field,
        summary,
        previouslyHandledBy,
        outcome,
        transferTarget,
        refusalReason,
        followUp,
        caseId,
        null,
        null,
        null,
        null);
  }
}
