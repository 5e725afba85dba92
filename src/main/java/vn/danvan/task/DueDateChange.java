package vn.danvan.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "TaskDueDateChange",
    description = "Một hạn mà nhiệm vụ đã có, theo thứ tự thời gian.")
public record DueDateChange(
    @Schema(description = "Hạn.", examples = "2023-05-20") LocalDate dueDate,
    @Schema(description = "Nguồn.", examples = "EXTENSION") DueDateSource source,
    @Schema(description = "Đề nghị gia hạn đã được duyệt (với EXTENSION).") UUID extensionId,
    @Schema(description = "Người thay đổi.", examples = "hcm-manager") String changedBy,
    @Schema(description = "Thời điểm thay đổi.") Instant changedAt) {}
