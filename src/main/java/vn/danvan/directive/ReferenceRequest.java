package vn.danvan.directive;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "DirectiveReferenceInput",
    description =
        "Dẫn chiếu tới một văn bản đã có trong hệ thống (targetId) hoặc một văn bản ghi bằng chữ (citation), với quan hệ.")
public record ReferenceRequest(
    @Schema(
            description = "Văn bản được dẫn chiếu (vắng khi dùng citation).",
            examples = "5d7c2a3e-1b6f-4f0e-8a3c-6b2d9e1f4a70")
        UUID targetId,
    @Size(max = 1000)
        @Schema(
            description = "Trích dẫn bằng chữ cho văn bản không có trong hệ thống.",
            examples =
                "Kế hoạch số 55/KH-UBND ngày 11 tháng 01 năm 2023 của UBND quận Gò Vấp về ban hành Kế hoạch phát triển kinh tế - xã hội")
        String citation,
    @NotNull @Schema(description = "Quan hệ.", examples = "IMPLEMENTS", required = true)
        ReferenceRelation relation) {}
