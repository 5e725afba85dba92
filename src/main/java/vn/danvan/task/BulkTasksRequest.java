package vn.danvan.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "DirectiveTasksInput",
    description = "Các nhiệm vụ giao theo một văn bản, tạo cùng lúc.")
public record BulkTasksRequest(
    @NotEmpty
        @Size(max = 5000)
        @Schema(
            description = "Các nhiệm vụ; directiveId của từng nhiệm vụ là văn bản trong đường dẫn.",
            required = true)
        List<@NotNull @Valid TaskRequest> tasks) {}
