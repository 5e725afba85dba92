package vn.danvan.directive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;

@Path(DirectiveResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Văn bản chỉ đạo",
    description =
        "Văn bản chỉ đạo, điều hành, số ký hiệu, dẫn chiếu và cây triển khai (Directives)")
public class DirectiveResource {

  static final String PATH = "/api/v1/directives";

  @Inject DirectiveService directives;
  @Inject DirectiveCoverageService coverage;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listDirectives",
      summary = "Danh sách văn bản",
      description =
          "Văn bản đã ban hành (mọi người dùng), văn bản ghi nhận của cơ quan ngoài hệ thống, và dự thảo của đơn vị trong phạm vi;"
              + " văn bản mật (secrecy khác NONE) chỉ hiện với người có phạm vi chứa cơ quan ban hành hoặc một đơn vị nhận, và admin;"
              + " mới ban hành trước, dự thảo chưa có ngày ở đầu. q tìm không phân biệt dấu và hoa thường trên số ký hiệu,"
              + " trích yếu và toàn văn: `dan van kheo` tìm thấy `Dân vận khéo`, `847/kh-ubnd` tìm thấy `847/KH-UBND`."
              + " Các phần tử không kèm toàn văn (body): đọc toàn văn bằng GET /api/v1/directives/{id}.")
  public Page<DirectiveResponse> list(
      @RestQuery
          @Parameter(
              description = "Từ khóa (không phân biệt dấu, hoa thường).",
              example = "dan van kheo")
          String q,
      @RestQuery @Parameter(description = "Loại văn bản.", example = "KE_HOACH") DirectiveType type,
      @RestQuery @Parameter(description = "Trạng thái.", example = "ISSUED") DirectiveStatus status,
      @RestQuery
          @Parameter(
              description = "Cơ quan ban hành.",
              example = "00000000-0000-4000-8001-000000000079")
          UUID issuingUnitId,
      @RestQuery
          @Parameter(
              description =
                  "Phạm vi theo cơ quan ban hành: chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Năm ban hành.", example = "2023") Integer year,
      @RestQuery @Parameter(description = "Ban hành từ ngày.", example = "2023-01-01")
          LocalDate issuedFrom,
      @RestQuery @Parameter(description = "Ban hành đến ngày.", example = "2023-12-31")
          LocalDate issuedTo,
      @RestQuery("implements")
          @Parameter(
              name = "implements",
              description = "Chỉ các văn bản triển khai trực tiếp văn bản này.",
              example = "5d7c2a3e-1b6f-4f0e-8a3c-6b2d9e1f4a70")
          UUID implementsId,
      @BeanParam PageParams page) {
    return directives.list(
        new DirectiveQuery(
            q, type, status, issuingUnitId, orgUnitMode, year, issuedFrom, issuedTo, implementsId),
        page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "createDirective",
      summary = "Tạo văn bản (dự thảo)",
      description =
          "Tạo một văn bản ở trạng thái DRAFT cho một cơ quan ban hành trong phạm vi (hoặc, chỉ admin, ghi nhận văn bản của cơ quan"
              + " ngoài hệ thống qua externalIssuer). Số, ký hiệu trùng trong sổ của cùng cơ quan, cùng năm: 409."
              + " Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; ETag và Location trong tiêu đề.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DirectiveResponse.class)))
  public RestResponse<DirectiveResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "3b1f5c1e-7d1a-4f7e-9b0c-2a6f3d8e9c10")
          String idempotencyKey,
      @Valid @NotNull DirectiveRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        DirectiveResponse.class,
        () -> Responses.created(PATH, directives.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getDirective",
      summary = "Xem một văn bản",
      description =
          "Văn bản với nơi nhận và các dẫn chiếu. Dự thảo của đơn vị ngoài phạm vi, và văn bản mật mà phạm vi của người gọi"
              + " không chứa cơ quan ban hành hay đơn vị nhận nào, trả 404 như văn bản không tồn tại (cả cây triển khai, căn cứ,"
              + " tình hình triển khai và tệp đính kèm của nó). Admin đọc văn bản mật: ghi nhật ký kiểm toán SECRET_DIRECTIVE_READ.")
  public RestResponse<DirectiveResponse> get(@RestPath UUID id) {
    DirectiveResponse d = directives.get(id);
    return Responses.ok(d);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "updateDirective",
      summary = "Tạo hoặc thay văn bản (upsert)",
      description =
          "Với id chưa có: tạo dự thảo với id do bên gọi chọn (201, Location, ETag), như POST. Với id đã có: thay toàn bộ"
              + " nội dung. Cần If-Match (thiếu: 428, không khớp: 412), trừ khi nội dung không đổi (gửi lại: 200 với phiên bản"
              + " đang lưu, không ghi gì) hoặc hệ thống nguồn sở hữu văn bản gửi sourceVersion mới hơn. If-None-Match: * chỉ"
              + " tạo mới (đã có: 412 ALREADY_EXISTS). Văn bản do hệ thống nguồn đẩy vào chỉ hệ thống đó hoặc admin sửa được"
              + " (409 OWNED_BY_SOURCE); sourceVersion cũ hơn bản đang lưu: 409 SOURCE_VERSION_CONFLICT. Văn bản đã ban hành"
              + " giữ nguyên loại, số, ký hiệu, cơ quan, ngày ban hành và độ mật (đổi các trường này: 409); muốn thay đổi nội"
              + " dung đã ban hành thì ban hành văn bản sửa đổi (AMENDS) hoặc thay thế (REPLACES).")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<DirectiveResponse> update(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang sửa.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(description = "`*`: chỉ tạo mới, không sửa bản ghi đã có.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull DirectiveRequest body) {
    return directives.upsert(id, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(PATH);
  }

  @PUT
  @Path("/by-source/{sourceSystem}/{sourceId}")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "upsertDirectiveBySource",
      summary = "Tạo hoặc thay văn bản theo khóa nguồn",
      description =
          "Như PUT /api/v1/directives/{id}, nhưng văn bản được xác định bằng khóa của hệ thống nguồn; tạo mới thì hệ thống"
              + " sinh id (Location). Chỉ hệ thống nguồn đó (tài khoản tích hợp có source_system tương ứng) hoặc admin"
              + " (403 SOURCE_SYSTEM_NOT_YOURS). sourceVersion trong nội dung xếp thứ tự các lần đẩy: mới hơn thì thay"
              + " thế không cần If-Match, bằng và cùng nội dung thì 200 không đổi, cũ hơn thì 409 SOURCE_VERSION_CONFLICT"
              + " kèm phiên bản đang lưu (current). Văn bản ngoài phạm vi đọc của người gọi: 404.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<DirectiveResponse> upsertBySource(
      @RestPath
          @Parameter(
              description = "Mã hệ thống nguồn (chữ, số, . _ -; tối đa 64).",
              example = "HCM-EGOV")
          String sourceSystem,
      @RestPath
          @Parameter(description = "Mã văn bản trong hệ thống nguồn.", example = "VB-2023-847")
          String sourceId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang sửa.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(description = "`*`: chỉ tạo mới, không sửa bản ghi đã có.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull DirectiveRequest body) {
    SourceKey key = SourceKey.ofPath(sourceSystem, sourceId);
    return directives
        .upsertBySource(key, Preconditions.of(ifMatch, ifNoneMatch), body)
        .toResponse(PATH);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "deleteDirective",
      summary = "Xóa dự thảo",
      description =
          "Chỉ xóa được dự thảo (văn bản đã ban hành: 409; thu hồi bằng thao tác REVOKE). Cần If-Match."
              + " Văn bản do hệ thống nguồn đẩy vào: chỉ hệ thống đó hoặc admin (409 OWNED_BY_SOURCE), như mọi thay đổi"
              + " khác của văn bản (chuyển trạng thái, dẫn chiếu, tệp đính kèm).")
  @APIResponse(responseCode = "204", description = "Đã xóa.")
  @APIResponse(
      responseCode = "409",
      description =
          "Văn bản không còn là dự thảo (DIRECTIVE_NOT_DRAFT) hoặc do hệ thống nguồn quản lý (OWNED_BY_SOURCE).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<Void> delete(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang xóa.", example = "\"0\"")
          String ifMatch) {
    directives.delete(id, ETags.requireVersion(ifMatch));
    return RestResponse.noContent();
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "transitionDirective",
      summary = "Chuyển trạng thái văn bản",
      description =
          "ISSUE (DRAFT → ISSUED): ghi ngày ban hành (mặc định hôm nay; ngày sau hôm nay: 422 ISSUE_DATE_IN_FUTURE) và, nếu chưa có số, cấp số tiếp theo trong sổ của cơ quan"
              + " ban hành cho năm đó (từ 01, liên tục, sổ riêng cho văn bản mật). SUPERSEDE, REVOKE, EXPIRE: từ ISSUED."
              + " Thao tác không hợp lệ với trạng thái hiện tại: 409. Cần If-Match.")
  public RestResponse<DirectiveResponse> transition(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản hiện tại.", example = "\"0\"")
          String ifMatch,
      @Valid @NotNull TransitionRequest body) {
    DirectiveResponse d = directives.transition(id, ETags.requireVersion(ifMatch), body);
    return Responses.ok(d);
  }

  @POST
  @Path("/{id}/references")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "addDirectiveReference",
      summary = "Thêm dẫn chiếu",
      description =
          "Ghi quan hệ của văn bản này với một văn bản khác (targetId) hoặc một văn bản ghi bằng chữ (citation)."
              + " Quan hệ IMPLEMENTS không được tạo vòng (422). Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã thêm.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReferenceResponse.class)))
  public RestResponse<ReferenceResponse> addReference(
      @RestPath UUID id,
      @RestHeader(Idempotency.HEADER) @Parameter(description = "Khóa chống tạo trùng khi gửi lại.")
          String idempotencyKey,
      @Valid @NotNull ReferenceRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        ReferenceResponse.class,
        () -> {
          ReferenceResponse created = directives.addReference(id, body);
          return ResponseBuilder.<ReferenceResponse>created(
                  URI.create("/api/v1/directives/" + id + "/references/" + created.id()))
              .entity(created)
              .build();
        });
  }

  @DELETE
  @Path("/{id}/references/{refId}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "deleteDirectiveReference",
      summary = "Xóa dẫn chiếu",
      description =
          "Xóa một dẫn chiếu nhập nhầm của văn bản. Dẫn chiếu là một phần của văn bản: cần If-Match với"
              + " phiên bản của văn bản (ETag của GET /api/v1/directives/{id}), như mọi thay đổi khác"
              + " của văn bản; phiên bản của văn bản tăng sau khi xóa.")
  @APIResponse(responseCode = "204", description = "Đã xóa.")
  @APIResponse(
      responseCode = "409",
      description = "Văn bản do hệ thống nguồn quản lý (OWNED_BY_SOURCE).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<Void> deleteReference(
      @RestPath UUID id,
      @RestPath UUID refId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản hiện tại của văn bản.", example = "\"0\"")
          String ifMatch) {
    directives.removeReference(id, refId, ETags.requireVersion(ifMatch));
    return RestResponse.noContent();
  }

  @GET
  @Path("/{id}/cascade")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getDirectiveCascade",
      summary = "Cây triển khai",
      description =
          "Các văn bản triển khai (IMPLEMENTS) văn bản này, nối tiếp nhau xuống tới cấp xã, với cơ quan ban hành; một truy vấn đệ quy.")
  public DirectiveGraphResponse cascade(
      @RestPath UUID id,
      @RestQuery @Parameter(description = "Số tầng tối đa (1–50, mặc định 10).", example = "10")
          Integer depth) {
    return directives.cascade(id, depth);
  }

  @GET
  @Path("/{id}/basis")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getDirectiveBasis",
      summary = "Chuỗi căn cứ",
      description =
          "Các văn bản mà văn bản này triển khai hoặc căn cứ (IMPLEMENTS, BASED_ON), nối tiếp lên trên, kể cả trích dẫn bằng chữ.")
  public DirectiveGraphResponse basis(
      @RestPath UUID id,
      @RestQuery @Parameter(description = "Số tầng tối đa (1–50, mặc định 10).", example = "10")
          Integer depth) {
    return directives.basis(id, depth);
  }

  @GET
  @Path("/{id}/coverage")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getDirectiveCoverage",
      summary = "Tình hình triển khai",
      description =
          "Với mỗi đơn vị có nghĩa vụ ban hành văn bản triển khai: ISSUED_ON_TIME, ISSUED_LATE, PENDING_IN_TERM hoặc OVERDUE"
              + " (Quyết định 42/2014/QĐ-TTg) tại ngày asOf theo lịch Việt Nam (mặc định hôm nay), với văn bản triển khai;"
              + " văn bản ban hành sau asOf coi như chưa ban hành. Kèm tổng số theo tình trạng; sắp theo tên đơn vị, phân trang,"
              + " lọc theo tình trạng. Nghĩa vụ của đơn vị đã sắp xếp hiện ở đơn vị kế thừa.")
  public CoverageResponse coverage(
      @RestPath UUID id,
      @RestQuery @Parameter(description = "Ngày tính tình trạng.", example = "2022-02-15")
          LocalDate asOf,
      @RestQuery @Parameter(description = "Chỉ các đơn vị ở tình trạng này.", example = "OVERDUE")
          CoverageState state,
      @BeanParam PageParams page) {
    return coverage.coverage(id, asOf, state, page.toRequest());
  }

  @POST
  @Path("/{id}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "addDirectiveAttachment",
      summary = "Đính kèm tệp",
      description =
          "Tải lên một tệp (multipart/form-data, trường file; description tùy chọn) cho văn bản: bản ký số, bản scan,"
              + " phụ lục. Chấp nhận PDF, DOCX, XLSX và ảnh; loại tệp nhận biết từ nội dung (415 nếu không thuộc"
              + " các loại đó), giới hạn danvan.attachments.max-size (mặc định 20 MB, 413 nếu vượt). Lưu kèm"
              + " kích thước và SHA-256.")
  @APIResponse(
      responseCode = "201",
      description = "Đã lưu tệp.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentResponse.class)))
  public RestResponse<AttachmentResponse> addAttachment(
      @RestPath UUID id, AttachmentUpload upload) {
    AttachmentResponse created = directives.addAttachment(id, upload);
    return ResponseBuilder.<AttachmentResponse>created(
            URI.create("/api/v1/directives/" + id + "/attachments/" + created.id() + "/content"))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}/attachments")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listDirectiveAttachments",
      summary = "Tệp đính kèm của văn bản",
      description =
          "Các tệp đính kèm của văn bản (không kèm nội dung), cũ trước; ai đọc được văn bản thì đọc được.")
  public Page<AttachmentResponse> attachments(@RestPath UUID id) {
    return new Page<>(directives.attachments(id), null);
  }

  @GET
  @Path("/{id}/attachments/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getDirectiveAttachmentContent",
      summary = "Tải tệp đính kèm",
      description =
          "Nội dung tệp, với loại nội dung đã nhận biết, tên tệp trong Content-Disposition và SHA-256 trong ETag.")
  @APIResponse(
      responseCode = "200",
      description = "Nội dung tệp.",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response attachmentContent(@RestPath UUID id, @RestPath UUID attachmentId) {
    return directives.attachment(id, attachmentId).toResponse();
  }
}
