package vn.danvan.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

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
        UUID parentId,
    @Size(max = 64)
        @Schema(
            description =
                "Hệ thống nguồn đẩy nhiệm vụ vào (chữ, số và . _ -, tối đa 64 ký tự); cùng sourceId là khóa nguồn, duy nhất"
                    + " với nhiệm vụ. Hệ thống nguồn sở hữu bản ghi: chỉ tài khoản tích hợp của nó (hoặc quản trị) sửa,"
                    + " chuyển trạng thái, xóa. Người gọi chỉ được ghi mã hệ thống của chính mình. Khi có trong thân của"
                    + " PUT by-source phải trùng đường dẫn; đã gán thì không đổi.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Size(max = 200)
        @Schema(
            description = "Mã của nhiệm vụ trong hệ thống nguồn (1–200 ký tự).",
            examples = "NV-2025-000123")
        String sourceId,
    @Schema(
            description =
                "Phiên bản của bản ghi ở hệ thống nguồn: bản đẩy có sourceVersion cũ hơn bản đang lưu bị từ chối (409"
                    + " SOURCE_VERSION_CONFLICT); mới hơn thì thay thế không cần If-Match.",
            examples = "7")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa bản ghi lần cuối (RFC 3339).",
            examples = "2025-08-01T09:30:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** A request without provenance (a task made in this API). */
  public TaskRequest(
      String title,
      String description,
      UUID leadUnitId,
      String responsiblePerson,
      List<UUID> coordinatingUnitIds,
      UUID assigningUnitId,
      LocalDate assignedOn,
      LocalDate dueDate,
      Recurrence recurrence,
      String expectedResult,
      UUID directiveId,
      String directiveItem,
      TaskPriority priority,
      BigDecimal weight,
      UUID parentId) {
    this(
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
        parentId,
        null,
        null,
        null,
        null);
  }

  /** The provenance the request names, as sent (its key is checked by the service). */
  Provenance provenance() {
    return new Provenance(sourceSystem, sourceId, sourceVersion, sourceUpdatedAt);
  }

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
        parentId,
        sourceSystem,
        sourceId,
        sourceVersion,
        sourceUpdatedAt);
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
        parentId,
        sourceSystem,
        sourceId,
        sourceVersion,
        sourceUpdatedAt);
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
        parentId,
        sourceSystem,
        sourceId,
        sourceVersion,
        sourceUpdatedAt);
  }
}
