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
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/reporting-regimes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Chế độ báo cáo",
    description =
        "Chế độ báo cáo và kỳ báo cáo: mẫu, tần suất, thời gian chốt số liệu, hạn gửi theo cấp, ngày khóa, đơn vị"
            + " nhận và đơn vị phải báo cáo (Reporting regimes and periods)")
public class ReportingRegimeResource {

  static final String BASE = "/api/v1/reporting-regimes";

  /** A body that works as-is (for a code not yet taken), shown by the document. */
  static final String EXAMPLE =
      """
      {
        "code": "BC-DVCQ-HCM-QUY",
        "name": "Báo cáo quý công tác dân vận chính quyền của các xã, phường, đặc khu Thành phố Hồ Chí Minh",
        "templateId": "00000000-0000-4b0c-9021-000000000001",
        "templateVersion": 1,
        "frequency": "QUARTERLY",
        "firstPeriod": "2026Q3",
        "lastPeriod": "2027Q4",
        "sourceDirectiveId": "00000000-0000-4d0c-9022-079000000246",
        "dueDates": [
          {"level": "COMMUNE", "kind": "WORKING_DAYS_AFTER", "workingDays": 3},
          {"level": "PROVINCE", "kind": "DAY_OF_MONTH", "monthsAfter": 0, "day": 20}
        ],
        "lock": {"kind": "DAY_OF_MONTH", "monthsAfter": 1, "day": 5},
        "collectingUnitId": "831b30fd-f4a3-3798-b3f2-e27830ab027b",
        "reportingUnits": {
          "targets": "CHILD_UNITS_OF_KIND",
          "kind": "COMMUNE",
          "ofUnitId": "00000000-0000-4000-8001-000000000079"
        }
      }
      """;

  private static final String ETAG_DOC = "Phiên bản bản ghi của chế độ (dùng cho If-Match).";
  private static final String ETAG_EXAMPLE = "\"0\"";
  private static final String ID_DOC = "Mã định danh chế độ báo cáo.";
  private static final String ID_EXAMPLE = "00000000-0000-4b0d-9023-764000000001";

  @Inject ReportingRegimeService regimes;
  @Inject ReportingPeriodService periods;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReportingRegimes",
      summary = "Danh sách chế độ báo cáo",
      description =
          "Các chế độ báo cáo có đơn vị nhận báo cáo trong phạm vi người gọi, và các chế độ mà đơn vị của người gọi"
              + " phải báo cáo (lấy các đơn vị theo loại dưới một đơn vị chứa phạm vi người gọi, hoặc liệt kê đơn vị"
              + " chứa phạm vi đó), theo mã. q tìm không phân biệt dấu và"
              + " hoa thường trên mã và tên. Lọc theo đơn vị nhận báo cáo (collectingUnitId, kèm orgUnitMode; ngoài"
              + " phạm vi hoặc không tồn tại: 422 UNKNOWN_UNIT), trạng thái, tần suất, mẫu báo cáo và văn bản đặt ra"
              + " chế độ. Con trỏ chỉ dùng với đúng các bộ lọc đã tạo ra nó.")
  public Page<ReportingRegimeResponse> list(
      @RestQuery
          @Parameter(
              description = "Từ khóa (không phân biệt dấu, hoa thường).",
              example = "dan van")
          String q,
      @RestQuery
          @Parameter(
              description = "Đơn vị nhận báo cáo.",
              example = "831b30fd-f4a3-3798-b3f2-e27830ab027b")
          UUID collectingUnitId,
      @RestQuery
          @Parameter(
              description =
                  "Phạm vi theo đơn vị nhận báo cáo: chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả"
                      + " cây con; cần collectingUnitId.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Trạng thái.", example = "ACTIVE")
          ReportingRegimeStatus status,
      @RestQuery @Parameter(description = "Tần suất.", example = "SEMI_ANNUAL")
          ReportingFrequency frequency,
      @RestQuery
          @Parameter(description = "Mẫu báo cáo.", example = "00000000-0000-4b0c-9021-000000000001")
          UUID templateId,
      @RestQuery
          @Parameter(
              description = "Văn bản đặt ra chế độ.",
              example = "00000000-0000-4d0c-9023-764000000847")
          UUID sourceDirectiveId,
      @BeanParam PageParams page) {
    return regimes.list(
        new ReportingRegimeQuery(
            q, collectingUnitId, orgUnitMode, status, frequency, templateId, sourceDirectiveId),
        page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "createReportingRegime",
      summary = "Tạo chế độ báo cáo",
      description =
          "Tạo chế độ ở trạng thái DRAFT. Kiểm tra (400 với con trỏ, mọi lỗi cùng lúc): mã kỳ đầu, kỳ cuối đúng tần"
              + " suất và theo thứ tự; mỗi quy tắc ngày đủ trường của cách tính; với mọi kỳ của chế độ (không thời"
              + " hạn: đến hết năm sau năm của kỳ đầu hoặc năm nay), hạn gửi của mỗi cấp phải sau ngày chốt số liệu"
              + " ít nhất 01 ngày làm việc theo lịch làm việc (/dueDates/1/day), không trước hạn của cấp trước, và"
              + " ngày khóa không trước hạn cuối cùng (/lock/day). Đơn vị nhận báo cáo, ofUnitId và unitIds phải"
              + " tồn tại vào ngày đầu kỳ đầu tiên và trong phạm vi người gọi (422 UNKNOWN_UNIT). Phiên bản mẫu"
              + " phải đã ban hành (422 TEMPLATE_VERSION_NOT_PUBLISHED); văn bản phải xem được (422"
              + " UNKNOWN_DIRECTIVE). Mã đã có: 409. Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; Location là địa chỉ của chế độ, ETag là phiên bản bản ghi.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của chế độ mới.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportingRegimeResponse.class)))
  public RestResponse<ReportingRegimeResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "5d0c7a3e-2b1f-4c8d-9e6a-7f3b2c1d0e9f")
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportingRegimeRequest.class),
                      examples = @ExampleObject(name = "bao-cao-quy-cap-xa", value = EXAMPLE)))
          @Valid
          @NotNull
          ReportingRegimeRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        ReportingRegimeResponse.class,
        () -> Responses.created(BASE, regimes.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportingRegime",
      summary = "Xem một chế độ báo cáo",
      description =
          "Chế độ báo cáo, nếu đơn vị nhận báo cáo trong phạm vi người gọi hoặc đơn vị của người gọi báo cáo theo"
              + " chế độ (nếu không: 404 như không tồn tại). Chỉ trong phạm vi đơn vị nhận báo cáo mới sửa được"
              + " (đơn vị báo cáo: 403).")
  @APIResponse(
      responseCode = "200",
      description = "Chế độ báo cáo; ETag là phiên bản bản ghi.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportingRegimeResponse.class)))
  public RestResponse<ReportingRegimeResponse> get(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return Responses.ok(regimes.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "updateReportingRegime",
      summary = "Sửa dự thảo chế độ báo cáo",
      description =
          "Thay toàn bộ chế độ khi còn là dự thảo (DRAFT), với cùng các kiểm tra như khi tạo. Chế độ đã áp dụng"
              + " hoặc đã thôi: 409 ILLEGAL_TRANSITION. Cần If-Match (thiếu: 428, không khớp: 412).")
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
              schema = @Schema(implementation = ReportingRegimeResponse.class)))
  public RestResponse<ReportingRegimeResponse> update(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi đang sửa.", example = ETAG_EXAMPLE)
          String ifMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ReportingRegimeRequest.class),
                      examples = @ExampleObject(name = "bao-cao-quy-cap-xa", value = EXAMPLE)))
          @Valid
          @NotNull
          ReportingRegimeRequest body) {
    return Responses.ok(regimes.update(id, ETags.requireVersion(ifMatch), body));
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "transitionReportingRegime",
      summary = "Áp dụng hoặc thôi áp dụng chế độ báo cáo",
      description =
          "ACTIVATE (DRAFT → ACTIVE): kiểm tra lại các ngày của các kỳ theo lịch làm việc hiện hành (400 với con"
              + " trỏ). RETIRE (DRAFT hoặc ACTIVE → RETIRED): thôi áp dụng; các kỳ vẫn xem được. Thao tác không hợp"
              + " với trạng thái: 409 ILLEGAL_TRANSITION. Cần If-Match (thiếu: 428, không khớp: 412).")
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
              schema = @Schema(implementation = ReportingRegimeResponse.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match không khớp phiên bản hiện hành (PRECONDITION_FAILED).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "428",
      description = "Thiếu If-Match (PRECONDITION_REQUIRED).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<ReportingRegimeResponse> transition(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi hiện tại.", example = ETAG_EXAMPLE)
          String ifMatch,
      @Valid @NotNull RegimeTransitionRequest body) {
    return Responses.ok(regimes.transition(id, ETags.requireVersion(ifMatch), body));
  }

  @GET
  @Path("/{id}/periods")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReportingPeriods",
      summary = "Các kỳ của chế độ báo cáo",
      description =
          "Các kỳ của chế độ từ kỳ from đến kỳ to (mã kỳ của tần suất của chế độ, tính cả hai đầu), tính từ quy tắc"
              + " của chế độ và lịch làm việc hiện hành: thời gian chốt số liệu, hạn gửi của từng cấp, ngày khóa và"
              + " số đơn vị phải báo cáo (theo cây đơn vị vào ngày đầu kỳ). Chỉ có các kỳ từ kỳ đầu đến kỳ cuối của"
              + " chế độ và bắt đầu khi đơn vị nhận báo cáo còn tồn tại (chế độ do quận nhận báo cáo không có kỳ"
              + " nào bắt đầu từ 01/7/2025). Mặc định from là kỳ đầu, to là kỳ thứ 12 từ from (hoặc kỳ cuối). Tối"
              + " đa 60 kỳ trong khoảng hỏi; mã sai, khác tần suất, ngược chiều hoặc quá 60 kỳ: 400 với con trỏ"
              + " /query/from hoặc /query/to.")
  public ReportingPeriodsResponse periods(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestQuery @Parameter(description = "Kỳ đầu của khoảng hỏi (mã kỳ).", example = "2023S1")
          String from,
      @RestQuery @Parameter(description = "Kỳ cuối của khoảng hỏi (mã kỳ).", example = "2024S2")
          String to) {
    return new ReportingPeriodsResponse(periods.periods(id, from, to));
  }

  @GET
  @Path("/{id}/periods/{code}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReportingPeriod",
      summary = "Xem một kỳ báo cáo",
      description =
          "Một kỳ của chế độ: thời gian chốt số liệu, hạn gửi của từng cấp, ngày khóa và các đơn vị phải báo cáo"
              + " với tên vào ngày đầu kỳ; đơn vị trong danh sách của chế độ đã thôi tồn tại trước ngày đầu kỳ được"
              + " thay bằng đơn vị kế thừa (transferredFromUnitId). Mã kỳ sai hoặc của tần suất khác: 400 /path/code."
              + " Kỳ chế độ không có (ngoài kỳ đầu – kỳ cuối, hoặc bắt đầu sau khi đơn vị nhận báo cáo thôi tồn"
              + " tại): 404.")
  public ReportingPeriodResponse period(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestPath @Parameter(description = "Mã kỳ.", example = "2023S1") String code) {
    return periods.period(id, code);
  }
}
