package vn.danvan.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "ReceptionVisit",
    description =
        "Một dòng của Sổ tiếp công dân. Người đến của lượt tố cáo không bao giờ có ở đây (identityProtected):"
            + " chỉ người xử lý tố cáo đọc được, qua yêu cầu có lý do và được ghi vết.")
public record VisitResponse(
    @Schema(description = "Mã lượt tiếp.", examples = "0d6c3b8e-5a41-4b7a-8f2e-1c9d0e7a6b55")
        UUID id,
    @Schema(description = "Buổi tiếp.", examples = "6f1c1a52-3e7e-4c55-9d1a-0f8b3c2d1e01")
        UUID sessionId,
    @Schema(description = "Đơn vị tiếp.", examples = "00000000-0000-4000-8004-000000026882")
        UUID orgUnitId,
    @Schema(description = "Thời điểm tiếp.", examples = "2026-03-05T01:30:00Z") Instant receivedAt,
    @Schema(description = "Ngày tiếp (giờ Việt Nam).", examples = "2026-03-05")
        LocalDate receivedDate,
    @Schema(description = "Loại nội dung.", examples = "COMPLAINT") ContentKind contentKind,
    @Schema(description = "Lĩnh vực.", examples = "LAND") VisitField field,
    @Schema(
            description = "Tóm tắt nội dung.",
            examples = "Khiếu nại quyết định thu hồi đất thửa số 125")
        String summary,
    @Schema(description = "Số người.", examples = "1") int groupSize,
    @Schema(description = "Số người đại diện (đoàn đông người).", examples = "0")
        int representatives,
    @Schema(description = "Đoàn đông người (từ 5 người).", examples = "false") boolean group,
    @Schema(description = "Tố cáo nặc danh.", examples = "false") boolean anonymous,
    @Schema(
            description = "Danh tính người đến được bảo vệ (tố cáo): visitors luôn rỗng.",
            examples = "false")
        boolean identityProtected,
    @Schema(
            description = "Thông tin người đến đã bị che theo vai trò của người gọi.",
            examples = "true")
        boolean visitorsMasked,
    @Schema(description = "Dữ liệu cá nhân đã xóa khi hết thời hạn lưu trữ.", examples = "false")
        boolean personalDataErased,
    @Schema(description = "Người đến (đầy đủ hoặc đã che).") List<Visitor> visitors,
    @Schema(description = "Cơ quan đã giải quyết trước đó.", examples = "UBND quận Gò Vấp")
        String previouslyHandledBy,
    @Schema(description = "Kết quả xử lý.", examples = "ACCEPTED_FOR_RESOLUTION")
        VisitOutcome outcome,
    @Schema(description = "Cơ quan được chuyển đến.", examples = "Thanh tra Thành phố")
        String transferTarget,
    @Schema(description = "Lý do từ chối.", examples = "Vụ việc đã giải quyết đúng pháp luật")
        String refusalReason,
    @Schema(description = "Theo dõi kết quả.", examples = "Hẹn trả lời trước 20/3/2026")
        String followUp,
    @Schema(description = "Vụ việc.", examples = "8a0e4c1b-2d3f-4a5b-9c6d-7e8f9a0b1c2d")
        UUID caseId,
    @Schema(description = "Hệ thống nguồn đã đẩy bản ghi (nếu có).", examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã của bản ghi trong hệ thống nguồn.", examples = "TCD-2026-000125")
        String sourceId,
    @Schema(description = "Phiên bản của bản ghi trong hệ thống nguồn.", examples = "3")
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa bản ghi lần cuối.",
            examples = "2026-03-05T01:45:00Z")
        Instant sourceUpdatedAt,
    @Schema(description = "Thời điểm tạo.", examples = "2026-03-05T01:35:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-03-05T01:35:00Z")
        Instant updatedAt,
    @Schema(description = "Phiên bản (ETag).", examples = "0") long version)
    implements Versioned {}
