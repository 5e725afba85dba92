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

@Schema(
    name = "UpsertOrgUnit",
    description =
        "Một đơn vị gửi bằng PUT: tạo nếu chưa có (cần kind và parentId), hoặc sửa sai sót (tên, tên ngắn, mã) của"
            + " phiên bản hiện hành, không tạo lịch sử. Loại, cấp trên và ngày bắt đầu chỉ đổi bằng sắp xếp đơn vị"
            + " (restructurings): gửi giá trị khác: 409 RESTRUCTURING_REQUIRED; bỏ trống là giữ nguyên.")
public record OrgUnitUpsertRequest(
    @Schema(
            description = "Loại đơn vị; bắt buộc khi tạo, khi sửa phải bằng loại đang lưu.",
            examples = "COMMUNE")
        OrgUnitKind kind,
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
            description =
                "Đơn vị cấp trên; bắt buộc khi tạo, khi sửa phải bằng cấp trên hiện hành.",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID parentId,
    @Schema(
            description =
                "Ngày bắt đầu tồn tại khi tạo (mặc định hôm nay, giờ Việt Nam); khi sửa phải bằng ngày đang lưu.",
            examples = "2025-07-01")
        LocalDate validFrom,
    @Schema(
            description =
                "Hệ thống nguồn (đi cùng sourceId). Với PUT by-source: bỏ trống hoặc bằng giá trị trong đường dẫn.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã của đơn vị trong hệ thống nguồn.", examples = "DV-26882")
        String sourceId,
    @Schema(
            description =
                "Phiên bản của đơn vị trong hệ thống nguồn: bản cũ hơn bản đang lưu bị từ chối (409"
                    + " SOURCE_VERSION_CONFLICT); bản mới hơn của chính hệ thống nguồn thay thế mà không cần If-Match.",
            examples = "7")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa đơn vị lần cuối (RFC 3339).",
            examples = "2025-07-01T08:30:00+07:00")
        OffsetDateTime sourceUpdatedAt) {}
