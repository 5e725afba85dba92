package vn.danvan.orgunit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "OrgUnit",
    description = "Một đơn vị (cơ quan) như nó tồn tại vào ngày asOf của truy vấn.")
public record OrgUnitResponse(
    @Schema(
            description =
                "Mã định danh (UUID), không đổi suốt đời đơn vị, kể cả khi đổi tên hay chuyển cấp trên.",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID id,
    @Schema(description = "Loại đơn vị.", examples = "PROVINCE") OrgUnitKind kind,
    @Schema(description = "Tên đơn vị vào ngày asOf.", examples = "Thành phố Hồ Chí Minh")
        String name,
    @Schema(description = "Tên ngắn.", examples = "TP HCM") String shortName,
    @Schema(
            description =
                "Mã chính thức (mã hành chính); chỉ duy nhất trong cùng loại và thời gian hiệu lực.",
            examples = "79")
        String code,
    @Schema(
            description = "Đơn vị cấp trên vào ngày asOf; vắng với đơn vị gốc.",
            examples = "00000000-0000-4000-8000-000000000000")
        UUID parentId,
    @Schema(description = "Chuỗi đơn vị từ gốc tới chính đơn vị này vào ngày asOf.")
        List<UUID> path,
    @Schema(description = "Độ sâu trong cây (gốc = 0).", examples = "1") int level,
    @Schema(description = "Ngày bắt đầu tồn tại của đơn vị.", examples = "1976-07-02")
        LocalDate validFrom,
    @Schema(
            description = "Ngày cuối cùng tồn tại (vắng nếu còn hoạt động).",
            examples = "2025-06-30")
        LocalDate validTo,
    @Schema(
            description = "Ngày bắt đầu hiệu lực của tên, mã và cấp trên đang hiển thị.",
            examples = "2025-07-01")
        LocalDate attributesValidFrom,
    @Schema(
            description =
                "Ngày cuối hiệu lực của tên, mã và cấp trên đang hiển thị (vắng nếu vẫn hiệu lực).")
        LocalDate attributesValidTo,
    @Schema(description = "Đơn vị còn tồn tại vào ngày asOf hay không.", examples = "true")
        boolean active,
    @Schema(
            description =
                "Hệ thống nguồn đã đẩy đơn vị vào (vắng nếu tạo trong hệ thống này); chỉ hệ thống đó và admin sửa được.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã của đơn vị trong hệ thống nguồn.", examples = "DV-26882")
        String sourceId,
    @Schema(description = "Phiên bản của đơn vị trong hệ thống nguồn.", examples = "7")
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa đơn vị lần cuối.",
            examples = "2025-07-01T08:30:00+07:00")
        OffsetDateTime sourceUpdatedAt,
    @Schema(
            description = "Phiên bản của bản ghi, gửi kèm ETag; dùng trong If-Match khi sửa.",
            examples = "0")
        long version)
    implements Versioned {

  static OrgUnitResponse of(OrgUnit unit, OrgUnitVersion v, LocalDate asOf) {
    return new OrgUnitResponse(
        unit.id,
        unit.kind,
        v.name,
        v.shortName,
        v.code,
        v.parentId,
        List.of(v.path),
        v.depth,
        unit.validFrom,
        unit.validTo,
        v.validFrom,
        v.validTo,
        unit.isValidOn(asOf) && v.isValidOn(asOf),
        unit.sourceSystem,
        unit.sourceId,
        unit.sourceVersion,
        unit.sourceUpdatedAt,
        unit.version);
  }
}
