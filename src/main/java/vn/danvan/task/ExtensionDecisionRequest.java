package vn.danvan.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "TaskExtensionTransition",
    description = "Quyết định của đơn vị giao việc về một đề nghị gia hạn.")
public record ExtensionDecisionRequest(
    @NotNull @Schema(description = "Quyết định.", examples = "APPROVE", required = true)
        ExtensionAction action,
    @Size(max = 2000) @Schema(description = "Ý kiến.", examples = "Đồng ý gia hạn") String note) {}
