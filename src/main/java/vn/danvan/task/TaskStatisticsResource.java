package vn.danvan.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.shared.security.Roles;

/** The four-state statistics of tasks. */
@Path("/api/v1/tasks/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nhiệm vụ")
public class TaskStatisticsResource {

  @Inject TaskStatisticsService statistics;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getTaskStatistics",
      summary = "Thống kê bốn tình trạng",
      description =
          "Số nhiệm vụ DONE_ON_TIME, DONE_LATE, IN_PROGRESS_IN_TERM, OVERDUE trong toàn cây con của đơn vị (theo đơn vị"
              + " chủ trì) tại ngày asOf (mặc định hôm nay): nhiệm vụ giao sau asOf không tính, hoàn thành sau asOf tính là"
              + " chưa hoàn thành. Nhóm theo đơn vị con trực tiếp, văn bản chỉ đạo hoặc tháng của hạn; kèm tổng.")
  public TaskStatisticsResponse statistics(
      @RestQuery
          @Parameter(
              description = "Đơn vị gốc (bắt buộc, trong phạm vi).",
              example = "00000000-0000-4000-8001-000000000079",
              required = true)
          UUID orgUnitId,
      @RestQuery
          @Parameter(description = "Cách nhóm (mặc định CHILD_UNIT).", example = "CHILD_UNIT")
          TaskStatisticsGroupBy groupBy,
      @RestQuery @Parameter(description = "Ngày tính tình trạng.", example = "2026-06-30")
          LocalDate asOf) {
    return statistics.statistics(orgUnitId, groupBy, asOf);
  }
}
