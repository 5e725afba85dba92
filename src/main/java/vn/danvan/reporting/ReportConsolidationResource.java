package vn.danvan.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.reporting.export.ReportExportService;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.security.Roles;

@Path(ReportConsolidationResource.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Tổng hợp báo cáo",
    description =
        "Tổng hợp báo cáo của các đơn vị theo từng chỉ tiêu, có nguồn gốc số liệu; mức độ đầy đủ, kịp thời của"
            + " báo cáo (Report consolidation and completeness)")
public class ReportConsolidationResource {

  static final String BASE = "/api/v1/report-consolidations";

  /** A body that works as-is on the demo data (Phòng Nội vụ quận Gò Vấp, 6 tháng đầu năm 2023). */
  static final String EXAMPLE =
      """
      {
        "regimeId": "00000000-0000-4b0d-9023-764000000001",
        "period": "2023S1",
        "includeSubmitted": false
      }
      """;

  private static final String ID_DOC = "Mã định danh phiên bản tổng hợp.";
  private static final String PROBLEM = "application/problem+json";
  private static final String ID_EXAMPLE = "5b6f1c9e-8d2a-4f3b-9c7e-1a2b3c4d5e6f";

  @Inject ReportConsolidationService consolidations;
  @Inject Idempotency idempotency;
  @Inject ReportExports exports;
  @Inject ConsolidationSlots slots;

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "createReportConsolidation",
      summary = "Tổng hợp báo cáo của một kỳ",
      description =
          "Tạo phiên bản tổng hợp mới (số n+1 theo chế độ, kỳ và đơn vị tổng hợp) từ phiên bản đã được tiếp nhận"
              + " mới nhất của báo cáo của từng đơn vị phải báo cáo (includeSubmitted=true: phiên bản đã gửi mới"
              + " nhất chưa bị trả lại). Mỗi chỉ tiêu tổng hợp theo cách của nó: SUM, MIN, MAX chính xác; AVG và"
              + " WEIGHTED_AVG (trọng số là chỉ tiêu weightCode của cùng báo cáo) làm tròn 2 chữ số thập phân;"
              + " COUNT_TRUE đếm số đơn vị trả lời có; NONE và TEXT không tổng hợp. Đơn vị thiếu giá trị không"
              + " được tính và được liệt kê. Đơn vị tổng hợp mặc định là đơn vị nhận báo cáo của chế độ; đơn vị"
              + " khác tổng hợp các đơn vị phải báo cáo thuộc cây của nó vào ngày đầu kỳ (400 /orgUnitId nếu"
              + " không có). Cán bộ, lãnh đạo đơn vị và quản trị có phạm vi chứa đơn vị tổng hợp; chế độ không"
              + " tồn tại hoặc ngoài phạm vi: 422 UNKNOWN_REPORTING_REGIME; đơn vị ngoài phạm vi: 422"
              + " UNKNOWN_UNIT; mã kỳ sai hoặc chế độ không có kỳ đó: 400 /period. Trả lời là bản tóm tắt:"
              + " giá trị các chỉ tiêu, số đếm, stale, các đơn vị thiếu, gửi muộn, bị trả lại; nguồn gốc (mỗi"
              + " báo cáo đã dùng với giá trị của nó, inputs) xem tại địa chỉ Location (GET …/{id}).")
  @APIResponse(
      responseCode = "201",
      description =
          "Đã tổng hợp; trả lời là bản tóm tắt (không có inputs); Location là địa chỉ của phiên bản tổng"
              + " hợp, có nguồn gốc.",
      headers =
          @Header(
              name = "Location",
              description = "Địa chỉ của phiên bản tổng hợp mới.",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportConsolidationResponse.class)))
  public RestResponse<ReportConsolidationResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "5d0c7a3e-2b1f-4c8d-9e6a-7f3b2c1d0e9f")
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConsolidationRequest.class),
                      examples = @ExampleObject(name = "go-vap-6-thang-2023", value = EXAMPLE)))
          @Valid
          @NotNull
          ConsolidationRequest body) {
    // the slot is taken before the key is claimed: a refused request leaves no trace to replay
    return slots.run(
        () ->
            idempotency.run(
                idempotencyKey,
                body,
                ReportConsolidationResponse.class,
                () -> Responses.created(BASE, consolidations.create(body))));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportConsolidation",
      summary = "Xem một phiên bản tổng hợp",
      description =
          "Phiên bản tổng hợp (kể cả phiên bản cũ) với giá trị các chỉ tiêu, nguồn gốc (mỗi báo cáo đã dùng với"
              + " giá trị của nó), các đơn vị thiếu, gửi muộn, bị trả lại, và stale: true kèm lý do khi tập phiên"
              + " bản báo cáo sẽ dùng nếu tổng hợp lúc này khác tập đã dùng. Ngoài phạm vi: 404.")
  public RestResponse<ReportConsolidationResponse> get(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return Responses.ok(consolidations.get(id));
  }

  @GET
  @Path("/{id}/export")
  @Produces({ReportExportService.XLSX, ReportExportService.DOCX})
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "exportReportConsolidation",
      summary = "Tải bản tổng hợp (XLSX hoặc DOCX)",
      description =
          "Phiên bản tổng hợp dưới dạng tệp: format=xlsx (mặc định; trang Tổng hợp với giá trị tổng hợp và cách"
              + " tổng hợp của từng chỉ tiêu, trang Nguồn số liệu với từng chỉ tiêu của từng báo cáo đã dùng (đơn"
              + " vị, phiên bản, giá trị, trạng thái, gửi muộn), trang các đơn vị thiếu, muộn, bị trả lại) hoặc"
              + " format=docx (văn bản Báo cáo của đơn vị tổng hợp theo thể thức Nghị định 30/2020/NĐ-CP, các mục"
              + " lời văn để trống cho cán bộ viết). Content-Disposition có tên tệp không dấu (filename) và tên"
              + " tiếng Việt (filename*). Ngoài phạm vi: 404; format khác xlsx, docx: 400 /query/format.")
  @APIResponse(
      responseCode = "200",
      description = "Tệp bản tổng hợp.",
      headers = {
        @Header(
            name = "Content-Disposition",
            description =
                "attachment; filename=\"tong-hop-2023s1-phong-noi-vu-quan-go-vap-v1.xlsx\"; filename*=UTF-8''…",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      },
      content = {
        @Content(
            mediaType = ReportExportService.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = ReportExportService.DOCX,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "400",
      description =
          "format không phải xlsx hoặc docx (INVALID_PARAMETER, /query/format), id không phải UUID.",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "404",
      description = "Bản tổng hợp không có hoặc ngoài phạm vi của người gọi (NOT_FOUND).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  public Response export(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestQuery
          @Parameter(
              description = "Định dạng tệp: xlsx (mặc định) hoặc docx.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"xlsx", "docx"},
                      defaultValue = "xlsx"),
              example = "xlsx")
          String format) {
    return exports.consolidation(id, format).toResponse();
  }

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReportConsolidations",
      summary = "Các phiên bản tổng hợp của một kỳ",
      description =
          "Các phiên bản tổng hợp của kỳ period của chế độ regimeId bởi đơn vị orgUnitId (mặc định: đơn vị nhận"
              + " báo cáo của chế độ), mới nhất trước: phần tử đầu là bản mới nhất (limit=1 để chỉ lấy bản đó)."
              + " Mỗi phần tử có giá trị các chỉ tiêu và stale, không kèm nguồn gốc (xem GET …/{id}). Thiếu"
              + " regimeId hoặc period, mã kỳ sai: 400; chế độ ngoài phạm vi: 422 UNKNOWN_REPORTING_REGIME; đơn"
              + " vị ngoài phạm vi: 422 UNKNOWN_UNIT.")
  public Page<ReportConsolidationResponse> list(
      @RestQuery
          @Parameter(
              description = "Chế độ báo cáo (bắt buộc).",
              example = "00000000-0000-4b0d-9023-764000000001")
          UUID regimeId,
      @RestQuery @Parameter(description = "Mã kỳ (bắt buộc).", example = "2023S1") String period,
      @RestQuery
          @Parameter(
              description = "Đơn vị tổng hợp (mặc định: đơn vị nhận báo cáo của chế độ).",
              example = "e7ef043b-872f-3d4c-bfff-3c3a98c6a29a")
          UUID orgUnitId,
      @BeanParam PageParams page) {
    return consolidations.list(regimeId, period, orgUnitId, page.toRequest());
  }
}
