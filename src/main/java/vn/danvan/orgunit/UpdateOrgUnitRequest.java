package vn.danvan.orgunit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "UpdateOrgUnit",
    description =
        "Sửa sai sót (tên, tên ngắn, mã) của phiên bản hiện hành; không tạo lịch sử. Đổi tên, chuyển cấp trên, sáp nhập… là sắp xếp đơn vị (restructurings).")
public record UpdateOrgUnitRequest(
    @NotBlank
        @Size(max = 300)
        @Schema(description = "Tên đơn vị.", examples = "Phường An Hội Tây", required = true)
        String name,
    @Size(max = 100) @Schema(description = "Tên ngắn.", examples = "P. An Hội Tây")
        String shortName,
    @Size(max = 50)
        @Pattern(regexp = "[\\p{L}\\p{N}._/-]+")
        @Schema(description = "Mã chính thức.", examples = "26882")
        String code) {}
