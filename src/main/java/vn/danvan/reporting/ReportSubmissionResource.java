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
import jakarta.ws.rs.core.Response;
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
import vn.danvan.reporting.export.ReportExportService;
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;

@Path("/api/v1/report-submissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Báo cáo định kỳ",
    description =
        "Báo cáo của đơn vị theo kỳ của chế độ báo cáo: lập, sửa, gửi, trả lại, tiếp nhận, mở lại, các phiên bản"
            + " đã gửi và khác biệt giữa chúng (Report submissions)")
public class ReportSubmissionResource {

  static final String BASE = "/api/v1/report-submissions";

  /** A body that works on the demo data (Văn phòng HĐND và UBND quận Gò Vấp, 6 tháng 2023). */
  static final String CREATE_EXAMPLE =
      """
      {
        "regimeId": "00000000-0000-4b0d-9023-764000000001",
        "period": "2023S1",
        "orgUnitId": "1a429ea4-a105-3356-8d9b-d90426a095ae"
      }
      """;

  static final String UPDATE_EXAMPLE =
      """
      {
        "values": {"TCD_LUOT": 125},
        "narratives": {
          "KET_QUA": "Tổ chức 12 hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân; tiếp 125 lượt công dân."
        }
      }
      """;

  /** A create by PUT under a client-chosen id (An Hội Tây, 2026 Q3 of a regime made for it). */
  static final String UPSERT_EXAMPLE =
      """
      {
        "regimeId": "00000000-0000-4b0d-9023-764000000001",
        "period": "2023S1",
        "orgUnitId": "1a429ea4-a105-3356-8d9b-d90426a095ae",
        "values": {"TCD_LUOT": 125}
      }
      """;

  /** A push of the provincial system: its key in the path, its version in the body. */
  static final String BY_SOURCE_EXAMPLE =
      """
      {
        "regimeId": "00000000-0000-4b0d-9023-764000000001",
        "period": "2023S1",
        "orgUnitId": "1a429ea4-a105-3356-8d9b-d90426a095ae",
        "values": {"TCD_LUOT": 125},
        "sourceVersion": 3,
        "sourceUpdatedAt": "2023-05-02T08:15:00+07:00"
      }
      """;

  private static final String ETAG_DOC = "Phiên bản bản ghi của báo cáo (dùng cho If-Match).";
  private static final String ETAG_EXAMPLE = "\"0\"";
  private static final String ID_DOC = "Mã định danh báo cáo.";
  private static final String ID_EXAMPLE = "5b0f3c52-8a5e-4c1e-9d0b-3f6f0d3b9a21";
  private static final String PROBLEM = "application/problem+json";

  @Inject ReportSubmissionService submissions;
  @Inject ReportSubmissionWorkflow workflow;
  @Inject ReportSubmissionVersionService versions;
  @Inject Idempotency idempotency;
  @Inject ReportExports exports;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReportSubmissions",
      summary = "Danh sách báo cáo định kỳ",
      description =
          "Các báo cáo mà đơn vị báo cáo hoặc đơn vị nhận báo cáo trong phạm vi người gọi, theo hạn gửi. Lọc theo"
              + " chế độ, mã kỳ (sai mẫu: 400 /query/period), đơn vị báo cáo (orgUnitId, kèm orgUnitMode; ngoài phạm"
              + " vi hoặc không tồn tại: 422 UNKNOWN_UNIT), trạng thái và gửi muộn. Phần tử danh sách không kèm giá"
              + " trị và lời văn. Con trỏ chỉ dùng với đúng các bộ lọc đã tạo ra nó.")
  public Page<ReportSubmissionResponse> list(
      @RestQuery
          @Parameter(
              description = "Chế độ báo cáo.",
              example = "00000000-0000-4b0d-9023-764000000001")
          UUID regimeId,
      @RestQuery @Parameter(description = "Mã kỳ.", example = "2023S1") String period,
      @RestQuery
          @Parameter(
              description = "Đơn vị báo cáo.",
              example = "00000000-0000-4000-8002-000000000764")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description =
                  "Phạm vi theo đơn vị báo cáo: chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây"
                      + " con; cần orgUnitId.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Trạng thái.", example = "SUBMITTED")
          ReportSubmissionStatus status,
      @RestQuery
          @Parameter(
              description = "true: chỉ báo cáo gửi muộn; false: gửi đúng hạn hoặc chưa gửi.",
              example = "true")
          Boolean late,
      @BeanParam PageParams page) {
    return submissions.list(
        new ReportSubmissionQuery(
            regimeId,
            period == null || period.isBlank() ? null : period.trim(),
            orgUnitId,
            orgUnitMode,
            status,
            late),
        page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "createReportSubmission",
      summary = "Lập báo cáo của đơn vị cho một kỳ",
      description =
          "Tạo báo cáo ở trạng thái DRAFT trên phiên bản mẫu của chế độ; các chỉ tiêu có nguồn số liệu được điền"
              + " sẵn giá trị hệ thống tính (trên cây đơn vị vào ngày cuối kỳ và thời gian chốt số liệu của kỳ),"
              + " kèm nguồn gốc. Chế độ phải đang áp dụng (422 REPORTING_REGIME_NOT_ACTIVE) và có kỳ đó (mã sai"
              + " mẫu hoặc khác tần suất: 400 /period; chế độ không có kỳ: 422 UNKNOWN_REPORTING_PERIOD). Đơn vị phải"
              + " trong phạm vi người gọi (422 UNKNOWN_UNIT) và là đơn vị phải báo cáo trong kỳ (hạn gửi của cấp"
              + " đầu), hoặc đơn vị tổng hợp khi chuỗi báo cáo có nhiều cấp (hạn gửi của cấp cuối); nếu không:"
              + " 422 NOT_EXPECTED_TO_REPORT. Chế độ không tồn tại hoặc không liên quan tới người gọi: 422"
              + " UNKNOWN_REPORTING_REGIME. reportDocumentId phải là văn bản loại Báo cáo (BC) người gọi xem được"
              + " (422). Mỗi đơn vị một báo cáo một kỳ: đã có thì 409 REPORT_SUBMISSION_EXISTS, chi tiết lỗi nêu mã"
              + " báo cáo đã có. Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; Location là địa chỉ của báo cáo, ETag là phiên bản bản ghi.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của báo cáo mới.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportSubmissionResponse.class)))
  @APIResponse(
      responseCode = "409",
      description = "Đơn vị đã có báo cáo của kỳ (REPORT_SUBMISSION_EXISTS).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  public RestResponse<ReportSubmissionResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "5d0c7a3e-2b1f-4c8d-9e6a-7f3b2c1d0e9f")
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportSubmissionCreateRequest.class),
                      examples =
                          @ExampleObject(
                              name = "van-phong-go-vap-6-thang",
                              value = CREATE_EXAMPLE)))
          @Valid
          @NotNull
          ReportSubmissionCreateRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        ReportSubmissionResponse.class,
        () -> Responses.created(BASE, submissions.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportSubmission",
      summary = "Xem một báo cáo",
      description =
          "Báo cáo với mọi chỉ tiêu của mẫu theo thứ tự (giá trị nhập, giá trị hệ thống tính, nguồn gốc và cờ"
              + " differs khi hai giá trị khác nhau) và lời văn các mục. Người gọi phải có đơn vị báo cáo hoặc đơn vị"
              + " nhận báo cáo trong phạm vi (nếu không: 404 như không tồn tại).")
  @APIResponse(
      responseCode = "200",
      description = "Báo cáo; ETag là phiên bản bản ghi.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportSubmissionResponse.class)))
  public RestResponse<ReportSubmissionResponse> get(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return Responses.ok(submissions.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "updateReportSubmission",
      summary = "Tạo hoặc sửa báo cáo theo mã",
      description =
          "Mã chưa có: tạo báo cáo DRAFT với mã do người gọi chọn (cần regimeId, period, orgUnitId; mọi quy"
              + " tắc như POST; giá trị, lời văn trong yêu cầu được ghi đè lên số liệu điền sẵn): 201 kèm Location"
              + " và ETag. Mã đã có: thay giá trị các chỉ tiêu có mã trong values và lời văn các mục có mã trong"
              + " narratives (mã không nêu: giữ nguyên; null: xóa giá trị nhập, giá trị hệ thống tính và nguồn gốc"
              + " vẫn giữ) khi báo cáo đang soạn (DRAFT) hoặc bị trả lại (RETURNED); trạng thái khác: 409"
              + " ILLEGAL_TRANSITION; regimeId, period, orgUnitId nếu gửi phải trùng với báo cáo (400). Không"
              + " thay đổi gì (gửi lại): 200 với ETag cũ, không ghi gì. Kiểm tra kiểu (400 với con trỏ"
              + " /values/{mã}): INTEGER số nguyên, DECIMAL và PERCENT số (tối đa 15 chữ số phần nguyên, 4 chữ số"
              + " thập phân), TEXT chuỗi, BOOLEAN true/false; mã không có trong mẫu: 400 /values/{mã} hoặc"
              + " /narratives/{mã}. Bắt buộc và giới hạn được kiểm tra khi gửi. Đơn vị báo cáo (cán bộ, lãnh đạo,"
              + " tài khoản tích hợp trong phạm vi) sửa; người khác trong phạm vi: 403. Sửa cần If-Match (thiếu:"
              + " 428, không khớp: 412), trừ khi hệ thống nguồn sở hữu báo cáo gửi sourceVersion mới hơn;"
              + " sourceVersion cũ hơn: 409 SOURCE_VERSION_CONFLICT. If-None-Match: * chỉ cho tạo (đã có: 412"
              + " ALREADY_EXISTS). Báo cáo do hệ thống nguồn đẩy chỉ hệ thống đó hoặc quản trị sửa (409"
              + " OWNED_BY_SOURCE).")
  @APIResponse(
      responseCode = "200",
      description = "Đã sửa (ETag mới) hoặc không có gì thay đổi (ETag cũ).",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportSubmissionResponse.class)))
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo báo cáo với mã trong đường dẫn; Location và ETag.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của báo cáo mới.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportSubmissionResponse.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "Báo cáo không ở trạng thái sửa được (ILLEGAL_TRANSITION), thuộc hệ thống nguồn khác"
              + " (OWNED_BY_SOURCE), sourceVersion không mới hơn (SOURCE_VERSION_CONFLICT, kèm current), đơn vị"
              + " đã có báo cáo của kỳ với mã khác (REPORT_SUBMISSION_EXISTS).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "412",
      description =
          "If-Match không khớp hoặc gửi cho mã chưa có (PRECONDITION_FAILED); If-None-Match: * mà đã có"
              + " (ALREADY_EXISTS).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "428",
      description = "Sửa mà thiếu If-Match (PRECONDITION_REQUIRED).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  public RestResponse<ReportSubmissionResponse> update(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi đang sửa.", example = ETAG_EXAMPLE)
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(
              description = "* để chỉ cho tạo mới (đã có: 412 ALREADY_EXISTS).",
              example = "*")
          String ifNoneMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportSubmissionUpdateRequest.class),
                      examples = {
                        @ExampleObject(name = "so-lieu-va-loi-van", value = UPDATE_EXAMPLE),
                        @ExampleObject(name = "tao-voi-ma-chon-truoc", value = UPSERT_EXAMPLE)
                      }))
          @Valid
          @NotNull
          ReportSubmissionUpdateRequest body) {
    return submissions.upsert(id, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(BASE);
  }

  @PUT
  @Path("/by-source/{sourceSystem}/{sourceId}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "upsertReportSubmissionBySource",
      summary = "Tạo hoặc sửa báo cáo theo mã của hệ thống nguồn",
      description =
          "Như PUT /{id}, theo khóa nguồn (sourceSystem, sourceId): báo cáo có khóa đó; nếu không có, báo cáo"
              + " của đơn vị orgUnitId cho kỳ period của chế độ regimeId (được gán khóa; đã có khóa khác: 409"
              + " SOURCE_KEY_CHANGED); nếu không có nữa thì tạo mới (201, mã do hệ thống cấp). sourceSystem,"
              + " sourceId trong thân nếu gửi phải trùng đường dẫn (400). Chỉ tài khoản tích hợp của hệ thống đó"
              + " (hoặc quản trị) dùng khóa của hệ thống (403 SOURCE_SYSTEM_NOT_YOURS). sourceVersion sắp thứ tự"
              + " các lần đẩy: mới hơn thì thay không cần If-Match, cũ hơn: 409 SOURCE_VERSION_CONFLICT (kèm"
              + " current.sourceVersion), bằng và cùng nội dung: 200 không ghi gì.")
  @APIResponse(
      responseCode = "200",
      description = "Đã sửa (ETag mới) hoặc không có gì thay đổi (ETag cũ).",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportSubmissionResponse.class)))
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; Location là địa chỉ của báo cáo, ETag là phiên bản bản ghi.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của báo cáo mới.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportSubmissionResponse.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "OWNED_BY_SOURCE, SOURCE_VERSION_CONFLICT (kèm current), SOURCE_KEY_CHANGED, ILLEGAL_TRANSITION,"
              + " REPORT_SUBMISSION_EXISTS.",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "412",
      description =
          "If-Match không khớp (PRECONDITION_FAILED); If-None-Match: * mà đã có (ALREADY_EXISTS).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "428",
      description =
          "Sửa mà thiếu If-Match và không có sourceVersion mới hơn của hệ thống sở hữu (PRECONDITION_REQUIRED).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  public RestResponse<ReportSubmissionResponse> upsertBySource(
      @RestPath @Parameter(description = "Mã hệ thống nguồn.", example = "HCM-EGOV")
          String sourceSystem,
      @RestPath
          @Parameter(description = "Mã báo cáo trong hệ thống nguồn.", example = "BC-2026Q3-26882")
          String sourceId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi đang sửa.", example = ETAG_EXAMPLE)
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(
              description = "* để chỉ cho tạo mới (đã có: 412 ALREADY_EXISTS).",
              example = "*")
          String ifNoneMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportSubmissionUpdateRequest.class),
                      examples = @ExampleObject(name = "day-tu-tinh", value = BY_SOURCE_EXAMPLE)))
          @Valid
          @NotNull
          ReportSubmissionUpdateRequest body) {
    SourceKey key = SourceKey.ofPath(sourceSystem, sourceId);
    return submissions
        .upsertBySource(key, Preconditions.of(ifMatch, ifNoneMatch), body)
        .toResponse(BASE);
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "transitionReportSubmission",
      summary = "Gửi, trả lại, tiếp nhận hoặc mở lại báo cáo",
      description =
          "SUBMIT (DRAFT hoặc RETURNED → SUBMITTED; cán bộ, lãnh đạo đơn vị báo cáo): kiểm tra chỉ tiêu bắt buộc,"
              + " kiểu và giới hạn (422 REPORT_SUBMISSION_INVALID với con trỏ /values/{mã} cho từng chỉ tiêu), lưu"
              + " phiên bản mới không sửa được; chỉ tiêu chưa đạt chỉ tiêu phấn đấu là cảnh báo (warnings), không"
              + " chặn. Lần gửi đầu tiên sau hạn gửi (theo ngày ở Việt Nam) được đánh dấu late, không bị từ chối."
              + " RETURN (SUBMITTED → RETURNED; lãnh đạo đơn vị nhận báo cáo, cần comment) và ACCEPT (SUBMITTED →"
              + " ACCEPTED) ghi quyết định vào phiên bản mới nhất. REOPEN (SUBMITTED hoặc ACCEPTED → DRAFT): đến hết"
              + " ngày khóa số liệu lãnh đạo đơn vị báo cáo hoặc đơn vị nhận báo cáo; sau đó chỉ lãnh đạo đơn vị nhận"
              + " báo cáo (403 REPORT_SUBMISSION_LOCKED). Thao tác không hợp với trạng thái: 409 ILLEGAL_TRANSITION."
              + " Tài khoản tích hợp gửi (SUBMIT) báo cáo của đơn vị trong phạm vi. Báo cáo do hệ thống nguồn đẩy:"
              + " SUBMIT và REOPEN chỉ hệ thống đó (REOPEN như lãnh đạo đơn vị báo cáo) hoặc quản trị (người khác:"
              + " 409 OWNED_BY_SOURCE); RETURN, ACCEPT vẫn của đơn vị nhận báo cáo. Cần If-Match (thiếu: 428, không"
              + " khớp: 412).")
  @APIResponse(
      responseCode = "200",
      description = "Đã chuyển trạng thái; ETag là phiên bản bản ghi mới.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportSubmissionResponse.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match không khớp phiên bản hiện hành (PRECONDITION_FAILED).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "422",
      description = "Báo cáo chưa đủ hoặc sai số liệu khi gửi (REPORT_SUBMISSION_INVALID).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "428",
      description = "Thiếu If-Match (PRECONDITION_REQUIRED).",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  public RestResponse<ReportSubmissionResponse> transition(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi hiện tại.", example = ETAG_EXAMPLE)
          String ifMatch,
      @Valid @NotNull ReportSubmissionTransitionRequest body) {
    return Responses.ok(workflow.transition(id, ETags.requireVersion(ifMatch), body));
  }

  @GET
  @Path("/{id}/versions")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReportSubmissionVersions",
      summary = "Các phiên bản đã gửi của báo cáo",
      description =
          "Các phiên bản đã gửi, mới nhất trước, không kèm giá trị và lời văn: người gửi, thời điểm, gửi muộn và"
              + " quyết định của đơn vị nhận báo cáo.")
  public Page<ReportSubmissionVersionResponse> versions(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return new Page<>(versions.versions(id), null);
  }

  @GET
  @Path("/{id}/versions/{number}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportSubmissionVersion",
      summary = "Xem một phiên bản đã gửi",
      description =
          "Phiên bản số number như lúc gửi: giá trị mọi chỉ tiêu của mẫu và lời văn; không có: 404.")
  public ReportSubmissionVersionResponse version(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestPath @Parameter(description = "Số phiên bản.", example = "1") int number) {
    return versions.version(id, number);
  }

  @GET
  @Path("/{id}/versions/{number}/diff")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "diffReportSubmissionVersions",
      summary = "So sánh hai phiên bản đã gửi",
      description =
          "Khác biệt từ phiên bản from đến phiên bản number: từng chỉ tiêu có giá trị nhập thay đổi (trước, sau) và"
              + " từng mục lời văn thay đổi (trước, sau), theo thứ tự của mẫu. from mặc định là phiên bản liền trước;"
              + " from = 0 so với báo cáo trống. Phiên bản number không có: 404; from không có: 400 /query/from.")
  public ReportSubmissionDiffResponse diff(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestPath @Parameter(description = "Số phiên bản so sánh.", example = "2") int number,
      @RestQuery @Parameter(description = "Số phiên bản gốc.", example = "1") Integer from) {
    return versions.diff(id, number, from);
  }

  @GET
  @Path("/{id}/export")
  @Produces({ReportExportService.XLSX, ReportExportService.DOCX})
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "exportReportSubmission",
      summary = "Tải báo cáo (XLSX hoặc DOCX)",
      description =
          "Báo cáo dưới dạng tệp: format=xlsx (mặc định; trang Báo cáo gồm tiêu đề, thông tin kỳ và bảng chỉ tiêu:"
              + " số liệu, số liệu hệ thống tính, khác số hệ thống tính, chỉ tiêu kế hoạch; trang Thuyết minh gồm"
              + " lời văn các mục) hoặc format=docx (văn bản Báo cáo theo thể thức Nghị định 30/2020/NĐ-CP: tên"
              + " cơ quan, số và ký hiệu, quốc hiệu, tiêu ngữ, địa danh và ngày, trích yếu, các mục với bảng chỉ"
              + " tiêu, nơi nhận, chữ ký). Mặc định là bản đang làm việc; version=n xuất phiên bản đã gửi số n."
              + " Số, ký hiệu, địa danh, ngày và người ký lấy từ văn bản Báo cáo đã ban hành (reportDocumentId)"
              + " khi người gọi xem được văn bản đó; nếu không, để trống số (Số: /BC-…) và ngày là ngày gửi"
              + " (giờ Việt Nam). Content-Disposition có tên tệp không dấu (filename) và tên tiếng Việt"
              + " (filename*). Ngoài phạm vi: 404; format khác xlsx, docx: 400 /query/format; version không có:"
              + " 400 /query/version.")
  @APIResponse(
      responseCode = "200",
      description = "Tệp báo cáo.",
      headers = {
        @Header(
            name = "Content-Disposition",
            description =
                "attachment; filename=\"bao-cao-2023s1-phuong-12.xlsx\"; filename*=UTF-8''…",
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
          "format không phải xlsx hoặc docx (INVALID_PARAMETER, /query/format), version không có"
              + " (VALIDATION_FAILED, /query/version), id không phải UUID.",
      content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "404",
      description = "Báo cáo không có hoặc ngoài phạm vi của người gọi (NOT_FOUND).",
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
              example = "docx")
          String format,
      @RestQuery
          @Parameter(
              description = "Số phiên bản đã gửi cần xuất (mặc định: bản đang làm việc).",
              example = "1")
          Integer version) {
    return exports.submission(id, format, version).toResponse();
  }

  @POST
  @Path("/{id}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "addReportSubmissionAttachment",
      summary = "Đính kèm tệp vào báo cáo",
      description =
          "Tải lên một tệp (multipart/form-data, trường file; description tùy chọn) cho báo cáo: bản ký số, phụ"
              + " lục. Chấp nhận PDF, DOCX, XLSX và ảnh; loại tệp nhận biết từ nội dung (415 nếu không thuộc các"
              + " loại đó), giới hạn danvan.attachments.max-size (mặc định 20 MB, 413 nếu vượt). Đơn vị báo cáo"
              + " (kể cả tài khoản tích hợp trong phạm vi) đính kèm; người khác trong phạm vi: 403. Báo cáo do hệ"
              + " thống nguồn đẩy: chỉ hệ thống đó hoặc quản trị (409 OWNED_BY_SOURCE).")
  @APIResponse(
      responseCode = "201",
      description = "Đã lưu tệp; Location là địa chỉ tải nội dung tệp.",
      headers =
          @Header(
              name = "Location",
              description = "Địa chỉ tải nội dung tệp (…/attachments/{attachmentId}/content).",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentResponse.class)))
  public RestResponse<AttachmentResponse> addAttachment(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      AttachmentUpload upload) {
    AttachmentResponse created = submissions.addAttachment(id, upload);
    return ResponseBuilder.<AttachmentResponse>created(
            URI.create(BASE + "/" + id + "/attachments/" + created.id() + "/content"))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}/attachments")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReportSubmissionAttachments",
      summary = "Tệp đính kèm của báo cáo",
      description = "Các tệp đính kèm của báo cáo (không kèm nội dung), cũ trước.")
  public Page<AttachmentResponse> attachments(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return new Page<>(submissions.attachments(id), null);
  }

  @GET
  @Path("/{id}/attachments/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportSubmissionAttachmentContent",
      summary = "Tải tệp đính kèm của báo cáo",
      description =
          "Nội dung tệp, với loại nội dung đã nhận biết, tên tệp trong Content-Disposition và SHA-256 trong ETag.")
  @APIResponse(
      responseCode = "200",
      description = "Nội dung tệp.",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response attachmentContent(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestPath
          @Parameter(
              description = "Mã tệp đính kèm.",
              example = "3c5e7a90-1b2d-4f6e-8a9c-0d1e2f3a4b5c")
          UUID attachmentId) {
    return submissions.attachment(id, attachmentId).toResponse();
  }
}
