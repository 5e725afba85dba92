package vn.danvan.reception;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.shared.error.ProblemFactory;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/reception")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Tiếp công dân",
    description = "Sổ tiếp công dân, vụ việc, thời hạn giải quyết (Citizen reception)")
public class ReceptionReportResource {

  @Inject ReceptionReportService reports;

  @GET
  @Path("/compliance")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReceptionCompliance",
      summary = "Người đứng đầu tiếp công dân định kỳ",
      description =
          "Với mỗi đơn vị phải tiếp định kỳ trong cây (mặc định: đơn vị của người gọi), các kỳ đã kết thúc trong khoảng"
              + " from–to: kỳ người đứng đầu trực tiếp tiếp, kỳ chỉ cấp phó được ủy quyền tiếp (báo cáo riêng) và kỳ không tiếp."
              + " Phân trang theo tên đơn vị (limit, cursor; items, next) như mọi danh sách.")
  public ComplianceResponse compliance(
      @RestQuery
          @Parameter(
              description = "Đơn vị gốc của cây.",
              example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(description = "Từ ngày (mặc định 3 tháng trước).", example = "2026-01-01")
          LocalDate from,
      @RestQuery @Parameter(description = "Đến ngày (mặc định hôm nay).", example = "2026-03-31")
          LocalDate to,
      @BeanParam PageParams page) {
    return reports.compliance(orgUnitId, from, to, page.toRequest());
  }

  @GET
  @Path("/statistics")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReceptionStatistics",
      summary = "Số liệu tiếp công dân",
      description =
          "Lượt tiếp, số người, đoàn đông người, tố cáo nặc danh (đếm riêng) theo ngày tiếp; vụ việc nhận trong kỳ đã thụ lý,"
              + " đã giải quyết, đang quá hạn. Nhóm theo loại nội dung, lĩnh vực, kết quả, đơn vị con hoặc tháng. Không có dữ liệu cá nhân."
              + " Tên nhóm (label) theo Accept-Language: tiếng Việt (mặc định) hoặc tiếng Anh (en); tên đơn vị giữ nguyên.")
  public StatisticsResponse statistics(
      @RestQuery
          @Parameter(
              description = "Đơn vị (mặc định: đơn vị của người gọi; admin: cả nước).",
              example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(description = "Phạm vi (mặc định DESCENDANTS).", example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Từ ngày (mặc định đầu năm).", example = "2026-01-01")
          LocalDate from,
      @RestQuery @Parameter(description = "Đến ngày (mặc định hôm nay).", example = "2026-12-31")
          LocalDate to,
      @RestQuery @Parameter(description = "Nhóm theo (mặc định CONTENT_KIND).", example = "UNIT")
          ReceptionStatisticsGroupBy groupBy,
      @Context HttpHeaders headers) {
    return reports.statistics(
        orgUnitId, orgUnitMode, from, to, groupBy, ProblemFactory.locale(headers));
  }
}
