package vn.danvan.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A task as its assigner writes it: the "5 rõ" (rõ việc, rõ người, rõ trách nhiệm, rõ tiến độ, rõ
 * hiệu quả) are all required.
 */
@Schema(
    name = "TaskInput",
    description =
        "Nội dung một nhiệm vụ khi tạo hoặc sửa, đủ \"5 rõ\": rõ việc (title, description), rõ người và rõ trách nhiệm"
            + " (leadUnitId, responsiblePerson, coordinatingUnitIds), rõ tiến độ (dueDate hoặc recurrence), rõ hiệu quả"
            + " (expectedResult). Trạng thái không sửa trực tiếp: dùng thao tác chuyển trạng thái.")
public record TaskRequest(
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Tên nhiệm vụ (rõ việc).",
            examples =
                "Báo cáo tình hình thực hiện công tác dân vận của chính quyền 6 tháng đầu năm 2023",
            required = true)
        String title,
    @NotBlank
        @Size(max = 10000)
        @Schema(
            description = "Nội dung công việc (rõ việc).",
            examples =
                "Báo cáo tình hình thực hiện công tác dân vận của chính quyền, dân chủ cơ sở của đơn vị và tình hình thực hiện Kế hoạch 847/KH-UBND, gửi Phòng Nội vụ tổng hợp.",
            required = true)
        String description,
    @NotNull
        @Schema(
            description = "Đơn vị chủ trì (rõ người).",
            examples = "00000000-0000-4000-8003-000000026890",
            required = true)
        UUID leadUnitId,
    @NotBlank
        @Size(max = 300)
        @Schema(
            description = "Người chịu trách nhiệm: chức danh hoặc họ tên (rõ trách nhiệm).",
            examples = "Chủ tịch UBND phường",
            required = true)
        String responsiblePerson,
    @Size(max = 100)
        @Schema(
            description = "Các đơn vị phối hợp.",
            examples = "[\"8f0a4f8e-64a5-3c57-a0a4-9d8c6a1b2c3d\"]")
        List<@NotNull UUID> coordinatingUnitIds,
    @Schema(
            description =
                "Đơn vị giao việc (duyệt gia hạn): thuộc phạm vi người gọi, là đơn vị chủ trì hoặc một đơn vị cấp trên của nó."
                    + " Mặc định khi tạo: đơn vị chủ trì của nhiệm vụ cha; không có cha thì đơn vị cấp trên trực tiếp của đơn vị"
                    + " chủ trì nếu thuộc phạm vi người gọi, nếu không thì chính đơn vị chủ trì. Khi sửa: bỏ trống giữ nguyên.",
            examples = "00000000-0000-4000-8002-000000000764")
        UUID assigningUnitId,
    @Schema(
            description = "Ngày giao (mặc định hôm nay); đơn vị chủ trì phải tồn tại vào ngày này.",
            examples = "2023-03-10")
        LocalDate assignedOn,
    @Schema(
            description =
                "Hạn hoàn thành, tính cả ngày này (rõ tiến độ); bắt buộc trừ khi có recurrence.",
            examples = "2023-05-05")
        LocalDate dueDate,
    @Valid
        @Schema(description = "Lịch định kỳ, thay cho dueDate với nhiệm vụ định kỳ (rõ tiến độ).")
        Recurrence recurrence,
    @NotBlank
        @Size(max = 4000)
        @Schema(
            description = "Kết quả, sản phẩm phải đạt (rõ hiệu quả).",
            examples = "Báo cáo bằng văn bản gửi Phòng Nội vụ trước ngày 05/5/2023",
            required = true)
        String expectedResult,
    @Schema(
            description = "Văn bản chỉ đạo giao nhiệm vụ.",
            examples = "5d7c2a3e-1b6f-4f0e-8a3c-6b2d9e1f4a70")
        UUID directiveId,
    @Size(max = 50)
        @Pattern(regexp = "[\\p{L}\\p{N}]+([.\\-/][\\p{L}\\p{N}]+)*")
        @Schema(description = "Mục của văn bản giao nhiệm vụ.", examples = "IV.2.b")
        String directiveItem,
    @Schema(description = "Mức độ ưu tiên (mặc định NORMAL).", examples = "HIGH")
        TaskPriority priority,
    @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("10000")
        @Schema(
            description = "Trọng số trong tiến độ tổng hợp của nhiệm vụ cha (mặc định 1).",
            examples = "2")
        BigDecimal weight,
    @Schema(
            description = "Nhiệm vụ cha (không đổi sau khi tạo).",
            examples = "3f2b8c1a-9d4e-4b7a-8c6d-1e2f3a4b5c6d")
        UUID parentId) {

  TaskRequest withAssigningUnitId(UUID assigningUnitId) {
    return new TaskRequest(
        title,
        description,
        leadUnitId,
        responsiblePerson,
        coordinatingUnitIds,
        assigningUnitId,
        assignedOn,
        dueDate,
        recurrence,
        expectedResult,
        directiveId,
        directiveItem,
        priority,
        weight,
        parentId);
  }

  TaskRequest withAssignedOn(LocalDate assignedOn) {
    return new TaskRequest(
        title,
        description,
        leadUnitId,
        responsiblePerson,
        coordinatingUnitIds,
        assigningUnitId,
        assignedOn,
        dueDate,
        recurrence,
        expectedResult,
        directiveId,
        directiveItem,
        priority,
        weight,
        parentId);
  }

  TaskRequest withDirectiveId(UUID directiveId) {
    return new TaskRequest(
        title,
        description,
        leadUnitId,
        responsiblePerson,
        coordinatingUnitIds,
        assigningUnitId,
        assignedOn,
        dueDate,
        recurrence,
        expectedResult,
        directiveId,
        directiveItem,
        priority,
        weight,
        parentId);
  }
}
