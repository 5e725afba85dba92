package vn.danvan.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
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
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/report-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Mẫu báo cáo",
    description =
        "Mẫu báo cáo công tác dân vận chính quyền: mục, chỉ tiêu, cách tổng hợp, phiên bản (Report templates)")
public class ReportTemplateResource {

  static final String BASE = "/api/v1/report-templates";

  /** A body that works as-is (for a code not yet taken), shown by the document. */
  static final String EXAMPLE =
      """
      {
        "code": "BC-DVCQ-HCM",
        "name": "Báo cáo kết quả thực hiện công tác dân vận chính quyền",
        "nameEn": "Report on the mass mobilisation work of the government",
        "ownerUnitId": "831b30fd-f4a3-3798-b3f2-e27830ab027b",
        "description": "Báo cáo 6 tháng (trước ngày 05 tháng 5) và báo cáo năm (trước ngày 05 tháng 11).",
        "sections": [
          {
            "code": "KET_QUA",
            "titleVi": "Kết quả đạt được",
            "titleEn": "Results achieved",
            "narrative": true
          },
          {
            "code": "TIEP_CONG_DAN",
            "titleVi": "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
            "titleEn": "Citizen reception, complaints and denunciations",
            "guidance": "Số liệu trong kỳ báo cáo, lấy từ sổ tiếp công dân.",
            "indicators": [
              {
                "code": "TCD_LUOT",
                "labelVi": "Số lượt tiếp công dân",
                "labelEn": "Citizen visits received",
                "measurementUnit": "lượt",
                "type": "INTEGER",
                "aggregation": "SUM",
                "required": true,
                "min": 0,
                "source": {"kind": "VISITS"}
              },
              {
                "code": "TCD_KHIEU_NAI",
                "labelVi": "Số lượt tiếp về khiếu nại",
                "measurementUnit": "lượt",
                "type": "INTEGER",
                "aggregation": "SUM",
                "min": 0,
                "source": {"kind": "VISITS_BY_CONTENT_KIND", "param": "COMPLAINT"}
              },
              {
                "code": "KNTC_THU_LY",
                "labelVi": "Số vụ việc khiếu nại, tố cáo đã thụ lý",
                "measurementUnit": "vụ việc",
                "type": "INTEGER",
                "aggregation": "SUM",
                "min": 0,
                "source": {"kind": "CASES_ACCEPTED"}
              },
              {
                "code": "KNTC_TY_LE_GIAI_QUYET",
                "labelVi": "Tỷ lệ giải quyết khiếu nại, tố cáo thuộc thẩm quyền",
                "measurementUnit": "%",
                "type": "PERCENT",
                "aggregation": "WEIGHTED_AVG",
                "weightCode": "KNTC_THU_LY",
                "min": 0,
                "max": 100,
                "target": {"operator": "GTE", "value": 85}
              }
            ]
          },
          {
            "code": "TON_TAI",
            "titleVi": "Tồn tại, hạn chế và nguyên nhân",
            "narrative": true
          },
          {
            "code": "PHUONG_HUONG",
            "titleVi": "Phương hướng, nhiệm vụ kỳ tới",
            "narrative": true
          },
          {
            "code": "DE_XUAT",
            "titleVi": "Đề xuất, kiến nghị",
            "narrative": true
          }
        ]
      }
      """;

  private static final String ETAG_DOC = "Phiên bản bản ghi của mẫu (dùng cho If-Match).";
  private static final String ETAG_EXAMPLE = "\"0\"";

  @Inject ReportTemplateService templates;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReportTemplates",
      summary = "Danh sách mẫu báo cáo",
      description =
          "Mọi mẫu báo cáo (mọi người dùng đã xác thực đều đọc được), theo mã. q tìm không phân biệt dấu và hoa thường"
              + " trên mã và tên: `dan van chinh quyen` tìm thấy `Báo cáo kết quả thực hiện công tác dân vận chính quyền`."
              + " Lọc theo đơn vị chủ quản (ownerUnitId, mọi đơn vị, kèm orgUnitMode) và trạng thái của phiên bản mới nhất"
              + " (DRAFT hoặc PUBLISHED). Các phần tử không kèm mục, chỉ tiêu và danh sách phiên bản: đọc bằng"
              + " GET /api/v1/report-templates/{id}. Con trỏ chỉ dùng với đúng các bộ lọc đã tạo ra nó.")
  public Page<ReportTemplateResponse> list(
      @RestQuery
          @Parameter(
              description = "Từ khóa (không phân biệt dấu, hoa thường).",
              example = "dan van")
          String q,
      @RestQuery
          @Parameter(
              description = "Đơn vị chủ quản của mẫu (bất kỳ đơn vị nào).",
              example = "00000000-0000-4000-8000-000000000003")
          UUID ownerUnitId,
      @RestQuery
          @Parameter(
              description =
                  "Phạm vi theo đơn vị chủ quản: chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con;"
                      + " cần ownerUnitId.",
              example = "SELECTED")
          OrgUnitMode orgUnitMode,
      @RestQuery
          @Parameter(description = "Trạng thái của phiên bản mới nhất.", example = "PUBLISHED")
          ReportTemplateStatus status,
      @BeanParam PageParams page) {
    return templates.list(
        new ReportTemplateQuery(q, ownerUnitId, orgUnitMode, status), page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "createReportTemplate",
      summary = "Tạo mẫu báo cáo",
      description =
          "Tạo mẫu với phiên bản 1 ở trạng thái DRAFT. Đơn vị chủ quản phải tồn tại hôm nay và trong phạm vi người gọi"
              + " (422 UNKNOWN_UNIT); mẫu không có đơn vị chủ quản chỉ admin tạo. Kiểm tra: mã mục và mã chỉ tiêu duy nhất"
              + " trong mẫu, mục lời văn không có chỉ tiêu, cách tổng hợp hợp với kiểu, WEIGHTED_AVG có chỉ tiêu trọng số"
              + " là số, min ≤ max, chỉ tiêu phấn đấu hợp với kiểu và trong giới hạn; mọi lỗi trả 400 với con trỏ"
              + " (/sections/0/indicators/2/code). Mã mẫu đã có: 409. Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; Location là địa chỉ của mẫu, ETag là phiên bản bản ghi.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của mẫu mới.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportTemplateResponse.class)))
  public RestResponse<ReportTemplateResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "7c1e4b2a-3f5d-4e6a-9b8c-1d2e3f4a5b6c")
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportTemplateRequest.class),
                      examples =
                          @ExampleObject(name = "bao-cao-dan-van-chinh-quyen", value = EXAMPLE)))
          @Valid
          @NotNull
          ReportTemplateRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        ReportTemplateResponse.class,
        () -> Responses.created(BASE, templates.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportTemplate",
      summary = "Xem một mẫu báo cáo",
      description =
          "Mẫu với nội dung của phiên bản mới nhất (mục, chỉ tiêu) và tóm tắt mọi phiên bản; publishedNumber là phiên"
              + " bản đang áp dụng cho báo cáo mới. Một phiên bản cụ thể: GET …/versions/{number}.")
  @APIResponse(
      responseCode = "200",
      description = "Mẫu báo cáo; ETag là phiên bản bản ghi.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportTemplateResponse.class)))
  public RestResponse<ReportTemplateResponse> get(
      @RestPath
          @Parameter(
              description = "Mã định danh mẫu.",
              example = "00000000-0000-4b0c-9021-000000000001")
          UUID id) {
    return Responses.ok(templates.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "updateReportTemplate",
      summary = "Sửa dự thảo mẫu báo cáo",
      description =
          "Thay toàn bộ nội dung của phiên bản mới nhất khi nó còn là dự thảo (DRAFT), với cùng các kiểm tra như khi"
              + " tạo. Phiên bản mới nhất đã ban hành: 409 REPORT_TEMPLATE_PUBLISHED, tạo phiên bản mới bằng"
              + " POST …/{id}/versions. Sửa được mẫu của đơn vị chủ quản trong phạm vi (mẫu của đơn vị khác: 403)."
              + " Cần If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Đã sửa; ETag là phiên bản bản ghi mới.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportTemplateResponse.class)))
  public RestResponse<ReportTemplateResponse> update(
      @RestPath
          @Parameter(
              description = "Mã định danh mẫu.",
              example = "00000000-0000-4b0c-9021-000000000001")
          UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi đang sửa.", example = ETAG_EXAMPLE)
          String ifMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportTemplateRequest.class),
                      examples =
                          @ExampleObject(name = "bao-cao-dan-van-chinh-quyen", value = EXAMPLE)))
          @Valid
          @NotNull
          ReportTemplateRequest body) {
    return Responses.ok(templates.update(id, ETags.requireVersion(ifMatch), body));
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "transitionReportTemplate",
      summary = "Ban hành mẫu báo cáo",
      description =
          "PUBLISH (DRAFT → PUBLISHED): cố định phiên bản dự thảo; phiên bản đã ban hành trước đó chuyển SUPERSEDED"
              + " (báo cáo đã lập theo nó giữ nguyên phiên bản). Phiên bản mới nhất đã ban hành: 409 ILLEGAL_TRANSITION."
              + " Cần If-Match (thiếu: 428, không khớp: 412).")
  @APIResponse(
      responseCode = "200",
      description = "Đã ban hành; ETag là phiên bản bản ghi mới.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportTemplateResponse.class)))
  public RestResponse<ReportTemplateResponse> transition(
      @RestPath
          @Parameter(
              description = "Mã định danh mẫu.",
              example = "00000000-0000-4b0c-9021-000000000001")
          UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi hiện tại.", example = ETAG_EXAMPLE)
          String ifMatch,
      @Valid @NotNull TemplateTransitionRequest body) {
    return Responses.ok(templates.transition(id, ETags.requireVersion(ifMatch), body));
  }

  @POST
  @Path("/{id}/versions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "createReportTemplateVersion",
      summary = "Tạo phiên bản mới của mẫu",
      description =
          "Sau khi ban hành, mọi thay đổi là một phiên bản mới: tạo phiên bản số tiếp theo ở trạng thái DRAFT với nội dung"
              + " gửi lên (cùng các kiểm tra như khi tạo), sửa tiếp bằng PUT rồi ban hành bằng PUBLISH. Các phiên bản cũ"
              + " giữ nguyên. Phiên bản mới nhất còn là dự thảo: 409 REPORT_TEMPLATE_DRAFT_OPEN (sửa nó bằng PUT)."
              + " Cần If-Match (thiếu: 428, không khớp: 412); gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description =
          "Đã tạo; Location là địa chỉ của phiên bản mới, nội dung là mẫu với phiên bản mới nhất, ETag là phiên bản"
              + " bản ghi mới của mẫu.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của phiên bản mới (…/versions/{number}).",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportTemplateResponse.class)))
  public RestResponse<ReportTemplateResponse> addVersion(
      @RestPath
          @Parameter(
              description = "Mã định danh mẫu.",
              example = "00000000-0000-4b0c-9021-000000000001")
          UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi hiện tại.", example = ETAG_EXAMPLE)
          String ifMatch,
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "2f6a9c1d-8b3e-4d7f-a5c2-6e1b9d4f3a80")
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportTemplateRequest.class),
                      examples =
                          @ExampleObject(name = "bao-cao-dan-van-chinh-quyen", value = EXAMPLE)))
          @Valid
          @NotNull
          ReportTemplateRequest body) {
    long expected = ETags.requireVersion(ifMatch);
    return idempotency.run(
        idempotencyKey,
        body,
        ReportTemplateResponse.class,
        () -> {
          ReportTemplateResponse t = templates.addVersion(id, expected, body);
          return ResponseBuilder.<ReportTemplateResponse>created(
                  URI.create(BASE + "/" + id + "/versions/" + t.latestNumber()))
              .entity(t)
              .tag(ETags.of(t.version()))
              .build();
        });
  }

  @GET
  @Path("/{id}/versions/{number}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportTemplateVersion",
      summary = "Xem một phiên bản của mẫu",
      description =
          "Toàn bộ mục và chỉ tiêu của một phiên bản, như đã ban hành (phiên bản đã ban hành không bao giờ thay đổi);"
              + " báo cáo đọc mẫu theo phiên bản đã lập. Phiên bản không có: 404.")
  public ReportTemplateVersionResponse version(
      @RestPath
          @Parameter(
              description = "Mã định danh mẫu.",
              example = "00000000-0000-4b0c-9021-000000000001")
          UUID id,
      @RestPath @Parameter(description = "Số phiên bản (từ 1).", example = "1") int number) {
    return templates.version(id, number);
  }
}
