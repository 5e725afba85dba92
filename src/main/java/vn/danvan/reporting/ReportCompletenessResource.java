package vn.danvan.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.reporting.export.ReportExportService;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/report-completeness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tổng hợp báo cáo")
public class ReportCompletenessResource {

  @Inject ReportCompletenessService completeness;
  @Inject ReportExports exports;

  private static final String PROBLEM = "application/problem+json";

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

  @GET
  @Path("/export")
  @Produces(ReportExportService.XLSX)
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "exportReportCompleteness",
      summary = "Tải bảng tình hình gửi báo cáo một kỳ (XLSX)",
      description =
          "Bảng tình hình gửi báo cáo (cùng tham số và quy tắc như GET /api/v1/report-completeness): mỗi đơn"
              + " vị phải báo cáo một dòng (phải gửi, đã gửi, đúng hạn, muộn, chưa gửi, bị trả lại, đã tiếp nhận,"
              + " tình trạng) và dòng tổng cộng, tiêu đề tiếng Việt. Chỉ có format=xlsx (mặc định); docx hoặc"
              + " định dạng khác: 400 INVALID_PARAMETER /query/format. Content-Disposition có tên tệp không dấu"
              + " (filename) và tên tiếng Việt (filename*).")
  @APIResponse(
      responseCode = "200",
      description = "Tệp XLSX.",
      headers = {
        @Header(
            name = "Content-Disposition",
            description =
                "attachment; filename=\"tinh-hinh-gui-bao-cao-2023s1.xlsx\"; filename*=UTF-8''…",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = ReportExportService.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "400",
      description =
          "format không phải xlsx (INVALID_PARAMETER, /query/format); thiếu regimeId hoặc period, mã kỳ sai"
              + " (VALIDATION_FAILED).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "422",
      description = "Chế độ hoặc đơn vị ngoài phạm vi (UNKNOWN_REPORTING_REGIME, UNKNOWN_UNIT).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  public Response export(
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
          OrgUnitMode orgUnitMode,
      @RestQuery
          @Parameter(
              description = "Định dạng tệp: chỉ xlsx (mặc định).",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"xlsx"},
                      defaultValue = "xlsx"),
              example = "xlsx")
          String format) {
    return exports.completeness(regimeId, period, orgUnitId, orgUnitMode, format).toResponse();
  }
}
