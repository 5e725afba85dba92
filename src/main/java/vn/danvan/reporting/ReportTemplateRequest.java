package vn.danvan.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportTemplateInput",
    description =
        "Nội dung một mẫu báo cáo khi tạo, sửa dự thảo hoặc tạo phiên bản mới. Trạng thái không sửa trực tiếp:"
            + " ban hành bằng thao tác PUBLISH.")
public record ReportTemplateRequest(
    @NotBlank
        @Size(max = 50)
        @Schema(
            description =
                "Mã mẫu, duy nhất trong hệ thống: chữ in hoa không dấu, chữ số, _ . - (tối đa 50 ký tự).",
            examples = "BC-DVCQ-HCM",
            required = true)
        String code,
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Tên mẫu tiếng Việt.",
            examples = "Báo cáo kết quả thực hiện công tác dân vận chính quyền",
            required = true)
        String name,
    @Size(max = 500)
        @Schema(
            description = "Tên mẫu tiếng Anh.",
            examples = "Report on the mass mobilisation work of the government")
        String nameEn,
    @Schema(
            description =
                "Đơn vị chủ quản của mẫu (Bộ Nội vụ, Sở Nội vụ, Phòng Nội vụ…), phải trong phạm vi người gọi;"
                    + " quản lý đơn vị trong phạm vi của đơn vị này sửa được mẫu. Bỏ trống: mẫu chung, chỉ admin.",
            examples = "831b30fd-f4a3-3798-b3f2-e27830ab027b")
        UUID ownerUnitId,
    @Size(max = 4000)
        @Schema(
            description = "Mô tả, phạm vi áp dụng, kỳ báo cáo.",
            examples =
                "Báo cáo 6 tháng (trước ngày 05 tháng 5) và báo cáo năm (trước ngày 05 tháng 11).")
        String description,
    @NotNull
        @Size(min = 1, max = 50)
        @Schema(description = "Các mục, theo thứ tự (1–50).", required = true)
        List<@NotNull @Valid TemplateSection> sections) {}
