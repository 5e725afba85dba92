package vn.danvan.models;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/good-practice-models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Mô hình Dân vận khéo",
    description =
        "Mô hình, điển hình \"Dân vận khéo\": đăng ký, triển khai, công nhận theo quyết định của các cấp,"
            + " nhân rộng, tệp minh chứng và thống kê (\"Skilful mass mobilisation\" models of good"
            + " practice)")
public class GoodPracticeModelResource {

  static final String BASE = "/api/v1/good-practice-models";

  /** A body that works as-is on the demo data (as admin, any number of times). */
  static final String EXAMPLE =
      """
      {
        "leadUnitId": "00000000-0000-4000-8004-000000026882",
        "coUnitIds": ["00000000-0000-4000-8004-000000026878"],
        "field": "ADMINISTRATIVE_REFORM",
        "title": "Dân vận khéo trong giải quyết thủ tục hành chính tại Bộ phận Một cửa",
        "description": "Công chức Bộ phận Một cửa hướng dẫn tận nơi, nhắn tin báo kết quả và hỗ trợ người cao tuổi nộp hồ sơ trực tuyến.",
        "startDate": "2026-02-01",
        "registeredOn": "2026-02-15",
        "peopleReached": 3500,
        "householdsReached": 1200,
        "results": "100% hồ sơ giải quyết đúng hạn; không có phản ánh, kiến nghị về thái độ phục vụ.",
        "resultFigures": [
          {"label": "Hồ sơ giải quyết trước hạn", "value": 2450, "unit": "hồ sơ"},
          {"label": "Tỷ lệ hồ sơ nộp trực tuyến", "value": 68.5, "unit": "%"}
        ],
        "replications": [
          {"unitId": "00000000-0000-4000-8004-000000026884", "adoptedOn": "2026-06-01", "note": "Áp dụng tại Bộ phận Một cửa phường"}
        ]
      }
      """;

  private static final String ETAG_DOC = "Phiên bản bản ghi của mô hình (dùng cho If-Match).";
  private static final String ETAG_EXAMPLE = "\"0\"";
  private static final String ID_DOC = "Mã định danh mô hình.";
  private static final String ID_EXAMPLE = "00000000-0000-4e0d-9030-079000000001";

  @Inject GoodPracticeModelService models;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listGoodPracticeModels",
      summary = "Danh sách mô hình Dân vận khéo",
      description =
          "Các mô hình có ít nhất một đơn vị (chủ trì hoặc cùng thực hiện) trong phạm vi người gọi, ngày đăng ký"
              + " mới trước. Lọc theo đơn vị (orgUnitId kèm orgUnitMode: mô hình khớp khi một đơn vị bất kỳ"
              + " của nó khớp; ngoài phạm vi hoặc không tồn tại: 422 UNKNOWN_UNIT), lĩnh vực, trạng thái, cấp"
              + " công nhận, năm đăng ký; q tìm không phân biệt dấu và hoa thường trên tên và mô tả. Con trỏ"
              + " chỉ dùng với đúng các bộ lọc đã tạo ra nó.")
  public Page<GoodPracticeModelResponse> list(
      @RestQuery
          @Size(max = 200)
          @Parameter(
              description = "Từ khóa (không phân biệt dấu, hoa thường).",
              example = "dan van kheo")
          String q,
      @RestQuery
          @Parameter(description = "Đơn vị.", example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description =
                  "Phạm vi theo đơn vị: chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con;"
                      + " cần orgUnitId.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Lĩnh vực.", example = "ECONOMY") GoodPracticeField field,
      @RestQuery @Parameter(description = "Trạng thái.", example = "RECOGNISED")
          GoodPracticeStatus status,
      @RestQuery @Parameter(description = "Cấp công nhận.", example = "PROVINCE")
          RecognitionLevel recognitionLevel,
      @RestQuery @Min(2000) @Max(2100) @Parameter(description = "Năm đăng ký.", example = "2026")
          Integer year,
      @BeanParam PageParams page) {
    return models.list(
        new GoodPracticeModelQuery(
            q, orgUnitId, orgUnitMode, field, status, recognitionLevel, year),
        page.toRequest());
  }

  @GET
  @Path("/statistics")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getGoodPracticeModelStatistics",
      summary = "Thống kê mô hình Dân vận khéo",
      description =
          "Số mô hình có ít nhất một đơn vị trong phạm vi chọn (orgUnitId bắt buộc, trong phạm vi người gọi;"
              + " orgUnitMode mặc định DESCENDANTS), đăng ký trong năm year (nếu có): tổng, theo trạng thái và"
              + " chi tiết lĩnh vực × trạng thái × cấp công nhận; nhóm theo đơn vị con trực tiếp (mặc định;"
              + " mô hình của chính đơn vị chọn là nhóm của nó), lĩnh vực, trạng thái hoặc cấp công nhận (chỉ"
              + " mô hình đã được công nhận). Đếm đúng các mô hình danh sách trả về với cùng bộ lọc.")
  public GoodPracticeStatisticsResponse statistics(
      @RestQuery
          @Parameter(
              description = "Đơn vị gốc (bắt buộc, trong phạm vi).",
              example = "00000000-0000-4000-8001-000000000079",
              required = true)
          UUID orgUnitId,
      @RestQuery
          @Parameter(description = "Phạm vi (mặc định DESCENDANTS).", example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Min(2000) @Max(2100) @Parameter(description = "Năm đăng ký.", example = "2026")
          Integer year,
      @RestQuery @Parameter(description = "Cách nhóm (mặc định CHILD_UNIT).", example = "FIELD")
          GoodPracticeStatisticsGroupBy groupBy) {
    return models.statistics(orgUnitId, orgUnitMode, year, groupBy);
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "createGoodPracticeModel",
      summary = "Đăng ký mô hình Dân vận khéo",
      description =
          "Đăng ký mô hình ở trạng thái REGISTERED. Kiểm tra (400 với con trỏ, mọi lỗi cùng lúc): đơn vị cùng"
              + " thực hiện không trùng nhau, khác đơn vị chủ trì; ngày đăng ký không sau hôm nay; đơn vị nhân"
              + " rộng khác các đơn vị của mô hình, không trùng, ngày áp dụng không trước ngày bắt đầu và không"
              + " sau hôm nay. Mọi đơn vị phải tồn tại (vào ngày bắt đầu hoặc hôm nay) và trong phạm vi người"
              + " gọi (422 UNKNOWN_UNIT với con trỏ từng đơn vị sai). Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã đăng ký; Location là địa chỉ của mô hình, ETag là phiên bản bản ghi.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của mô hình mới.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GoodPracticeModelResponse.class)))
  public RestResponse<GoodPracticeModelResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "5d0c7a3e-2b1f-4c8d-9e6a-7f3b2c1d0e9f")
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = GoodPracticeModelRequest.class),
                      examples = @ExampleObject(name = "mot-cua-an-hoi-tay", value = EXAMPLE)))
          @Valid
          @NotNull
          GoodPracticeModelRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        GoodPracticeModelResponse.class,
        () -> Responses.created(BASE, models.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getGoodPracticeModel",
      summary = "Xem một mô hình Dân vận khéo",
      description =
          "Mô hình, nếu một đơn vị của nó trong phạm vi người gọi (nếu không: 404 như không tồn tại). Chỉ"
              + " trong phạm vi đơn vị chủ trì mới sửa được (đơn vị cùng thực hiện: 403).")
  @APIResponse(
      responseCode = "200",
      description = "Mô hình; ETag là phiên bản bản ghi.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GoodPracticeModelResponse.class)))
  public RestResponse<GoodPracticeModelResponse> get(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return Responses.ok(models.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "updateGoodPracticeModel",
      summary = "Sửa mô hình Dân vận khéo",
      description =
          "Thay toàn bộ nội dung mô hình (kể cả danh sách đơn vị nhân rộng), với cùng các kiểm tra như khi"
              + " đăng ký; đơn vị cùng thực hiện hoặc nhân rộng đã có trong mô hình được giữ dù ngoài phạm vi"
              + " người gọi. Ngày bắt đầu không sau ngày triển khai, công nhận hoặc dừng đã ghi. Mô hình đã"
              + " dừng: 409 ILLEGAL_TRANSITION. Cần If-Match (thiếu: 428, không khớp: 412).")
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
              schema = @Schema(implementation = GoodPracticeModelResponse.class)))
  public RestResponse<GoodPracticeModelResponse> update(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi đang sửa.", example = ETAG_EXAMPLE)
          String ifMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = GoodPracticeModelRequest.class),
                      examples = @ExampleObject(name = "mot-cua-an-hoi-tay", value = EXAMPLE)))
          @Valid
          @NotNull
          GoodPracticeModelRequest body) {
    return Responses.ok(models.update(id, ETags.requireVersion(ifMatch), body));
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "transitionGoodPracticeModel",
      summary = "Triển khai, công nhận hoặc dừng mô hình",
      description =
          "START_IMPLEMENTATION (REGISTERED → IMPLEMENTING) và DISCONTINUE (REGISTERED hoặc IMPLEMENTING →"
              + " DISCONTINUED) vào ngày date (mặc định hôm nay; không sau hôm nay, không trước ngày bắt đầu)."
              + " RECOGNISE (IMPLEMENTING → RECOGNISED) cần recognition: cấp (DISTRICT chỉ với quyết định"
              + " trước ngày 01/7/2025), văn bản quyết định trong sổ văn bản mà người gọi xem được (nếu không:"
              + " 422 UNKNOWN_DIRECTIVE), ngày quyết định (không sau hôm nay, không trước ngày bắt đầu). Lỗi"
              + " dữ liệu: 400 với con trỏ. Thao tác không hợp với trạng thái: 409 ILLEGAL_TRANSITION. Cần"
              + " If-Match (thiếu: 428, không khớp: 412).")
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
              schema = @Schema(implementation = GoodPracticeModelResponse.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match không khớp phiên bản hiện hành (PRECONDITION_FAILED).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "428",
      description = "Thiếu If-Match (PRECONDITION_REQUIRED).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<GoodPracticeModelResponse> transition(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi hiện tại.", example = ETAG_EXAMPLE)
          String ifMatch,
      @Valid @NotNull GoodPracticeTransitionRequest body) {
    return Responses.ok(models.transition(id, ETags.requireVersion(ifMatch), body));
  }

  @POST
  @Path("/{id}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "addGoodPracticeModelAttachment",
      summary = "Đính kèm tệp minh chứng",
      description =
          "Tải lên một tệp minh chứng (multipart/form-data, trường file; description tùy chọn) cho mô hình:"
              + " quyết định công nhận, báo cáo kết quả, ảnh. Chấp nhận PDF, DOCX, XLSX và ảnh; loại tệp nhận"
              + " biết từ nội dung (415 nếu không thuộc các loại đó), giới hạn danvan.attachments.max-size"
              + " (mặc định 20 MB, 413 nếu vượt). Người sửa được mô hình mới đính kèm được.")
  @APIResponse(
      responseCode = "201",
      description = "Đã lưu tệp.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentResponse.class)))
  public RestResponse<AttachmentResponse> addAttachment(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      AttachmentUpload upload) {
    AttachmentResponse created = models.addAttachment(id, upload);
    return ResponseBuilder.<AttachmentResponse>created(
            URI.create(BASE + "/" + id + "/attachments/" + created.id() + "/content"))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}/attachments")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listGoodPracticeModelAttachments",
      summary = "Tệp minh chứng của mô hình",
      description =
          "Các tệp minh chứng của mô hình (không kèm nội dung), cũ trước; ai xem được mô hình thì xem được.")
  public Page<AttachmentResponse> attachments(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return new Page<>(models.attachments(id), null);
  }

  @GET
  @Path("/{id}/attachments/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getGoodPracticeModelAttachmentContent",
      summary = "Tải tệp minh chứng",
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
              example = "0b8f6a2e-6f1d-4c1e-9a57-3c2d1e0f9b84")
          UUID attachmentId) {
    return models.attachment(id, attachmentId).toResponse();
  }
}
