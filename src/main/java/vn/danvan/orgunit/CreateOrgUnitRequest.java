package vn.danvan.orgunit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

@Schema(name = "CreateOrgUnit", description = "Tạo một đơn vị mới (ví dụ một phòng chuyên môn).")
public record CreateOrgUnitRequest(
    @Schema(
            description =
                "Mã do bên gọi chọn (tùy chọn, chỉ admin, để đồng bộ từ hệ thống khác); bỏ trống để hệ thống sinh.")
        UUID id,
    @NotNull @Schema(description = "Loại đơn vị.", examples = "DEPARTMENT", required = true)
        OrgUnitKind kind,
    @NotBlank
        @Size(max = 300)
        @Schema(description = "Tên đơn vị.", examples = "Phòng Văn hóa - Xã hội", required = true)
        String name,
    @Size(max = 100) @Schema(description = "Tên ngắn.", examples = "Phòng VH-XH") String shortName,
    @Size(max = 50)
        @Pattern(regexp = "[\\p{L}\\p{N}._/-]+")
        @Schema(description = "Mã chính thức (nếu có).", examples = "26882")
        String code,
    @Schema(
            description = "Đơn vị cấp trên; bắt buộc trừ khi tạo đơn vị gốc (chỉ admin).",
            examples = "00000000-0000-4000-8004-000000026882")
        UUID parentId,
    @Schema(
            description = "Ngày bắt đầu tồn tại (mặc định hôm nay, giờ Việt Nam).",
            examples = "2025-07-01")
        LocalDate validFrom,
    @Schema(
            description =
                "Hệ thống nguồn (tùy chọn, đi cùng sourceId): chỉ hệ thống mà tài khoản tích hợp đại diện, hoặc admin (403 SOURCE_SYSTEM_NOT_YOURS).",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(
            description = "Mã của đơn vị trong hệ thống nguồn; duy nhất trong hệ thống đó.",
            examples = "DV-26882")
        String sourceId,
    @Schema(description = "Phiên bản của đơn vị trong hệ thống nguồn.", examples = "7")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa đơn vị lần cuối (RFC 3339).",
            examples = "2025-07-01T08:30:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** A unit made in this system (no source provenance), as the demo world creates them. */
  public CreateOrgUnitRequest(
      UUID id,
      OrgUnitKind kind,
      String name,
      String shortName,
      String code,
      UUID parentId,
      LocalDate validFrom) {
    this(id, kind, name, shortName, code, parentId, validFrom, null, null, null, null);
  }
}
