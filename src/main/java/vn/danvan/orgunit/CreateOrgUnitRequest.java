package vn.danvan.orgunit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        LocalDate validFrom) {}
