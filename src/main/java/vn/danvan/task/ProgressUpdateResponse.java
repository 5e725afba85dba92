package vn.danvan.task;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskProgressUpdate", description = "Một lần báo cáo tiến độ đã ghi.")
public record ProgressUpdateResponse(
    @Schema(description = "Mã định danh.") UUID id,
    @Schema(description = "Nhiệm vụ.") UUID taskId,
    @Schema(description = "Tỷ lệ hoàn thành (%).", examples = "60") int percent,
    @Schema(description = "Ghi chú.", examples = "Đang tổng hợp báo cáo của 16 phường") String note,
    @Schema(description = "Người báo cáo.", examples = "ward-officer") String reportedBy,
    @Schema(description = "Thời điểm báo cáo.") Instant reportedAt) {}
