package vn.danvan.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/report-completeness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tổng hợp báo cáo")
public class ReportCompletenessResource {

  @Inject ReportCompletenessService completeness;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportCompleteness",
      summary = "Mức độ đầy đủ, kịp thời của báo cáo một kỳ",
      description =
          "Với từng đơn vị phải báo cáo của kỳ (theo cây đơn vị vào ngày đầu kỳ; báo cáo của đơn vị đã giải thể"
              + " trước kỳ chuyển cho đơn vị kế thừa) và tổng cộng: phải báo cáo, đã gửi, đúng hạn, quá hạn, chưa"
              + " gửi, bị trả lại, đã tiếp nhận, và tình trạng DONE_ON_TIME, DONE_LATE, IN_PROGRESS_IN_TERM,"
              + " OVERDUE so với hạn của cấp của đơn vị và hôm nay (giờ Việt Nam). orgUnitId và orgUnitMode"
              + " (SELECTED mặc định, CHILDREN, DESCENDANTS) chọn các đơn vị phải báo cáo theo cây đơn vị vào"
              + " ngày đầu kỳ. Thiếu regimeId hoặc period, mã kỳ sai hoặc chế độ không có kỳ đó: 400; chế độ"
              + " ngoài phạm vi: 422 UNKNOWN_REPORTING_REGIME; đơn vị ngoài phạm vi: 422 UNKNOWN_UNIT.")
  public ReportCompletenessResponse get(
      @RestQuery
          @Parameter(
              description = "Chế độ báo cáo (bắt buộc).",
              example = "00000000-0000-4b0d-9023-764000000001")
          UUID regimeId,
      @RestQuery @Parameter(description = "Mã kỳ (bắt buộc).", example = "2023S1") String period,
      @RestQuery
          @Parameter(
              description = "Chọn các đơn vị phải báo cáo theo đơn vị này.",
              example = "00000000-0000-4000-8002-000000000764")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description =
                  "Chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con; cần orgUnitId.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode) {
    return completeness.completeness(regimeId, period, orgUnitId, orgUnitMode);
  }
}
