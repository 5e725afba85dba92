package vn.danvan.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskExtensionInput", description = "Đề nghị gia hạn của đơn vị chủ trì.")
public record ExtensionRequestInput(
    @NotNull
        @Schema(
            description = "Hạn mới đề nghị (sau hạn hiện hành).",
            examples = "2023-05-20",
            required = true)
        LocalDate requestedDueDate,
    @NotBlank
        @Size(max = 2000)
        @Schema(
            description = "Lý do.",
            examples = "Chờ số liệu tiếp công dân quý II của Thanh tra quận",
            required = true)
        String reason) {}
