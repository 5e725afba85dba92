package vn.danvan.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(name = "ReceptionSession", description = "Một buổi tiếp công dân.")
public record SessionResponse(
    @Schema(description = "Mã buổi tiếp.", examples = "6f1c1a52-3e7e-4c55-9d1a-0f8b3c2d1e01")
        UUID id,
    @Schema(description = "Đơn vị.", examples = "00000000-0000-4000-8004-000000026882")
        UUID orgUnitId,
    @Schema(description = "Hình thức tiếp.", examples = "PERIODIC_HEAD") SessionKind kind,
    @Schema(description = "Ngày tiếp.", examples = "2026-03-05") LocalDate sessionDate,
    @Schema(description = "Địa điểm.", examples = "Trụ sở tiếp công dân Phường An Hội Tây")
        String venue,
    @Schema(description = "Họ tên người chủ trì.", examples = "Trần Thị Bình") String hostName,
    @Schema(description = "Chức vụ người chủ trì.", examples = "Chủ tịch UBND phường")
        String hostTitle,
    @Schema(description = "Vai trò người chủ trì.", examples = "HEAD") HostRole hostRole,
    @Schema(description = "Cán bộ cùng dự.", examples = "[\"Lê Văn Cường - Công chức Địa chính\"]")
        List<String> officials,
    @Schema(description = "Ghi chú.", examples = "Tiếp định kỳ thứ Năm") String note,
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
    @Schema(description = "Thời điểm tạo.", examples = "2026-03-05T02:00:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-03-05T02:00:00Z")
        Instant updatedAt,
    @Schema(description = "Phiên bản (ETag).", examples = "0") long version)
    implements Versioned {

  static SessionResponse of(ReceptionSession s) {
    return new SessionResponse(
        s.id,
        s.unitId,
        s.kind,
        s.sessionDate,
        s.venue,
        s.hostName,
        s.hostTitle,
        s.hostRole,
        List.copyOf(s.officials),
        s.note,
        s.sourceSystem,
        s.sourceId,
        s.sourceVersion,
        s.sourceUpdatedAt,
        s.createdAt,
        s.updatedAt,
        s.version);
  }
}
