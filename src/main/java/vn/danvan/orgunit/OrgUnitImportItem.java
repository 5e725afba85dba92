package vn.danvan.orgunit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

/**
 * One unit of an import ({@code type=ORG_UNIT}): the body of {@code PUT /org-units/{id}} with its
 * key, the {@code id} or the source key. With only {@code sourceId}, {@code sourceSystem} is the
 * caller's own (the integration account's system).
 */
@Schema(
    name = "OrgUnitImportItem",
    description =
        "Một đơn vị trong lô nhập (type=ORG_UNIT): như nội dung PUT /api/v1/org-units/{id}, kèm id hoặc khóa nguồn."
            + " Chỉ có sourceId thì sourceSystem là hệ thống của tài khoản tích hợp.")
public record OrgUnitImportItem(
    @Schema(
            description = "Mã định danh (UUID); vắng thì đơn vị được xác định bằng khóa nguồn.",
            examples = "00000000-0000-4000-8004-000000026882")
        UUID id,
    @Schema(description = "Loại đơn vị (bắt buộc khi tạo).", examples = "COMMUNE") OrgUnitKind kind,
    @NotBlank
        @Size(max = 300)
        @Schema(description = "Tên đơn vị.", examples = "Phường An Hội Tây", required = true)
        String name,
    @Size(max = 100) @Schema(description = "Tên ngắn.", examples = "P. An Hội Tây")
        String shortName,
    @Size(max = 50)
        @Pattern(regexp = "[\\p{L}\\p{N}._/-]+")
        @Schema(description = "Mã chính thức.", examples = "26882")
        String code,
    @Schema(
            description = "Đơn vị cấp trên (bắt buộc khi tạo).",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID parentId,
    @Schema(description = "Ngày bắt đầu tồn tại (khi tạo).", examples = "2025-07-01")
        LocalDate validFrom,
    @Schema(description = "Hệ thống nguồn.", examples = "HCM-EGOV") String sourceSystem,
    @Schema(description = "Mã của đơn vị trong hệ thống nguồn.", examples = "DV-26882")
        String sourceId,
    @Schema(description = "Phiên bản của đơn vị trong hệ thống nguồn.", examples = "7")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa đơn vị lần cuối (RFC 3339).",
            examples = "2025-07-01T08:30:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** The body of the equivalent PUT, with the given source system. */
  OrgUnitUpsertRequest request(String system) {
    return new OrgUnitUpsertRequest(
        kind,
        name,
        shortName,
        code,
        parentId,
        validFrom,
        system,
        sourceId,
        sourceVersion,
        sourceUpdatedAt);
  }
}
