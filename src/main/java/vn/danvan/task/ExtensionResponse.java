package vn.danvan.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(name = "TaskExtension", description = "Một đề nghị gia hạn và quyết định về nó.")
public record ExtensionResponse(
    @Schema(description = "Mã định danh.") UUID id,
    @Schema(description = "Nhiệm vụ.") UUID taskId,
    @Schema(description = "Hạn đề nghị.", examples = "2023-05-20") LocalDate requestedDueDate,
    @Schema(description = "Hạn khi đề nghị.", examples = "2023-05-05") LocalDate previousDueDate,
    @Schema(description = "Lý do.") String reason,
    @Schema(description = "Trạng thái.", examples = "PENDING") ExtensionStatus status,
    @Schema(description = "Người đề nghị.", examples = "ward-officer") String requestedBy,
    @Schema(description = "Thời điểm đề nghị.") Instant requestedAt,
    @Schema(description = "Người quyết định.", examples = "hcm-manager") String decidedBy,
    @Schema(description = "Thời điểm quyết định.") Instant decidedAt,
    @Schema(description = "Ý kiến khi quyết định.", examples = "Đồng ý gia hạn đến 20/5/2023")
        String decisionNote,
    @Schema(description = "Phiên bản, gửi kèm ETag; dùng trong If-Match.", examples = "0")
        long version)
    implements Versioned {}
