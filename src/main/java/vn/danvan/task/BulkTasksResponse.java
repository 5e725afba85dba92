package vn.danvan.task;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DirectiveTasksResult", description = "Kết quả tạo nhiều nhiệm vụ theo một văn bản.")
public record BulkTasksResponse(
    @Schema(description = "Văn bản.") UUID directiveId,
    @Schema(description = "Chỉ kiểm tra, không ghi (dryRun).", examples = "false") boolean dryRun,
    @Schema(description = "Số nhiệm vụ (đã tạo, hoặc sẽ được tạo khi dryRun).", examples = "21")
        int count,
    @Schema(description = "Các nhiệm vụ đã tạo (rỗng khi dryRun).") List<TaskResponse> items) {

  static BulkTasksResponse of(UUID directiveId, boolean dryRun, List<TaskResponse> created) {
    return new BulkTasksResponse(directiveId, dryRun, created.size(), dryRun ? List.of() : created);
  }
}
