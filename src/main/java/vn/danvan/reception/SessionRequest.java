package vn.danvan.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

@Schema(name = "ReceptionSessionRequest", description = "Một buổi tiếp công dân của một đơn vị.")
public record SessionRequest(
    @Schema(
            description = "Đơn vị tổ chức buổi tiếp.",
            examples = "00000000-0000-4000-8004-000000026882")
        @NotNull
        UUID orgUnitId,
    @Schema(description = "Hình thức tiếp.", examples = "PERIODIC_HEAD") @NotNull SessionKind kind,
    @Schema(description = "Ngày tiếp.", examples = "2026-03-05") @NotNull LocalDate sessionDate,
    @Schema(description = "Địa điểm.", examples = "Trụ sở tiếp công dân Phường An Hội Tây")
        @Size(max = 300)
        String venue,
    @Schema(description = "Họ tên người chủ trì.", examples = "Trần Thị Bình")
        @NotBlank
        @Size(max = 200)
        String hostName,
    @Schema(description = "Chức vụ người chủ trì.", examples = "Chủ tịch UBND phường")
        @Size(max = 200)
        String hostTitle,
    @Schema(description = "Vai trò người chủ trì.", examples = "HEAD") @NotNull HostRole hostRole,
    @Schema(
            description = "Cán bộ cùng dự (họ tên, chức vụ).",
            examples = "[\"Lê Văn Cường - Công chức Địa chính\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 300) String> officials,
    @Schema(description = "Ghi chú.", examples = "Tiếp định kỳ thứ Năm") @Size(max = 2000)
        String note,
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
  public SessionRequest(
      UUID orgUnitId,
      SessionKind kind,
      LocalDate sessionDate,
      String venue,
      String hostName,
      String hostTitle,
      HostRole hostRole,
      List<String> officials,
      String note) {
    this(
        orgUnitId,
        kind,
        sessionDate,
        venue,
        hostName,
        hostTitle,
        hostRole,
        officials,
        note,
        null,
        null,
        null,
        null);
  }
}
