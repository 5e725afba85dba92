package vn.danvan.task;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "TaskTree",
    description = "Một nhiệm vụ và toàn bộ cây việc giao tiếp của nó (theo chiều sâu, theo hạn).")
public record TaskTreeResponse(
    @Schema(description = "Nhiệm vụ gốc của cây.") UUID rootId,
    @Schema(description = "Các nút: nhiệm vụ gốc (độ sâu 0) rồi các việc con.") List<Node> nodes) {

  @Schema(name = "TaskTreeNode", description = "Một nút của cây.")
  public record Node(
      @Schema(description = "Độ sâu dưới nhiệm vụ gốc.", examples = "1") int depth,
      @Schema(description = "Nhiệm vụ.") TaskResponse task) {}
}
