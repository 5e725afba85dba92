package vn.danvan.directive;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DirectiveTransition", description = "Một thao tác chuyển trạng thái văn bản.")
public record TransitionRequest(
    @NotNull @Schema(description = "Thao tác.", examples = "ISSUE", required = true)
        DirectiveAction action,
    @Size(max = 1000)
        @Schema(
            description = "Lý do hoặc văn bản làm căn cứ (ghi vào nhật ký kiểm toán).",
            examples = "Bị thay thế bởi Kế hoạch số 120/KH-UBND ngày 15/01/2024")
        String reason) {}
