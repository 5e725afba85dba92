package vn.danvan.reception;

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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;

@Path("/api/v1/reception-visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Tiếp công dân",
    description = "Sổ tiếp công dân, vụ việc, thời hạn giải quyết (Citizen reception)")
public class ReceptionVisitResource {

  static final String COLLECTION = "/api/v1/reception-visits";

  @Inject ReceptionVisitService visits;
  @Inject ReceptionExportService export;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReceptionVisits",
      summary = "Sổ tiếp công dân",
      description =
          "Các lượt tiếp trong phạm vi, mới nhất trước. Cán bộ tiếp công dân và người xử lý tố cáo xem đầy đủ người đến;"
              + " vai trò khác thấy giá trị đã che. Người đến của lượt tố cáo không bao giờ có trong danh sách.")
  public Page<VisitResponse> list(
      @RestQuery
          @Parameter(description = "Đơn vị.", example = "00000000-0000-4000-8004-000000026882")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Chỉ đơn vị đó (mặc định), đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Từ ngày tiếp.", example = "2026-01-01") LocalDate from,
      @RestQuery @Parameter(description = "Đến ngày tiếp.", example = "2026-12-31") LocalDate to,
      @RestQuery @Parameter(description = "Loại nội dung.", example = "COMPLAINT")
          ContentKind contentKind,
      @RestQuery @Parameter(description = "Lĩnh vực.", example = "LAND") VisitField field,
      @RestQuery
          @Parameter(description = "Vụ việc.", example = "8a0e4c1b-2d3f-4a5b-9c6d-7e8f9a0b1c2d")
          UUID caseId,
      @RestQuery
          @Parameter(description = "Buổi tiếp.", example = "6f1c1a52-3e7e-4c55-9d1a-0f8b3c2d1e01")
          UUID sessionId,
      @BeanParam PageParams page) {
    return visits.list(
        new VisitQuery(orgUnitId, orgUnitMode, from, to, contentKind, field, caseId, sessionId),
        page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.RECEPTION_OFFICER, Roles.DENUNCIATION_HANDLER})
  @Operation(
      operationId = "createReceptionVisit",
      summary = "Ghi một lượt tiếp công dân",
      description =
          "Một dòng của Sổ tiếp công dân. Đoàn 5–10 người cử 1–2 người đại diện, trên 10 người không quá 5 (400 nếu khác)."
              + " Dữ liệu cá nhân được mã hóa khi lưu; phản hồi không lặp lại dữ liệu cá nhân (giá trị đã che)."
              + " Gửi Idempotency-Key: bàn tiếp dân trên mạng chập chờn gửi lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; ETag và Location trong tiêu đề.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VisitResponse.class)))
  public RestResponse<VisitResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "3b1f5c1e-7d1a-4f7e-9b0c-2a6f3d8e9c10")
          String idempotencyKey,
      @Valid @NotNull VisitRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        VisitResponse.class,
        () -> Responses.created("/api/v1/reception-visits", visits.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReceptionVisit",
      summary = "Xem một lượt tiếp",
      description = "Che theo vai trò; ngoài phạm vi: 404.")
  public RestResponse<VisitResponse> get(@RestPath UUID id) {
    return Responses.ok(visits.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.RECEPTION_OFFICER,
    Roles.DENUNCIATION_HANDLER,
    Roles.INTEGRATION
  })
  @Operation(
      operationId = "updateReceptionVisit",
      summary = "Ghi hoặc thay một lượt tiếp theo mã",
      description =
          "Upsert theo mã do máy khách chọn: chưa có thì tạo (201, Location, ETag), đã có thì thay toàn bộ nội dung"
              + " (200); visitors vắng mặt giữ nguyên người đã ghi. Gửi lại đúng nội dung đang lưu: 200 cùng ETag, không"
              + " ghi gì; người đến chỉ được so với bản đang lưu (trong bộ nhớ, sau giải mã) khi người gọi vốn được biết"
              + " họ (hệ thống nguồn sở hữu bản ghi; cán bộ được xem đầy đủ, trừ người tố cáo), nếu không thì gửi kèm"
              + " visitors luôn được coi là thay đổi. Thay cần If-Match, trừ khi hệ thống nguồn sở hữu bản ghi đẩy"
              + " sourceVersion mới hơn; If-None-Match: * chỉ tạo mới (412 ALREADY_EXISTS). Lượt tố cáo không đổi được"
              + " sang loại khác (409). Bản ghi của hệ thống nguồn: 409 OWNED_BY_SOURCE với người khác; sourceVersion cũ"
              + " hơn: 409 SOURCE_VERSION_CONFLICT. Phản hồi không lặp lại dữ liệu cá nhân. Ngoài phạm vi: 404.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<VisitResponse> update(
      @RestPath
          @Parameter(
              description = "Mã lượt tiếp (UUID do máy khách chọn khi tạo).",
              example = "0d6c3b8e-5a41-4b7a-8f2e-1c9d0e7a6b55")
          UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang thay.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match") @Parameter(description = "* để chỉ tạo mới.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull VisitRequest body) {
    return visits.upsert(id, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(COLLECTION);
  }

  @PUT
  @Path("/by-source/{sourceSystem}/{sourceId}")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.RECEPTION_OFFICER,
    Roles.DENUNCIATION_HANDLER,
    Roles.INTEGRATION
  })
  @Operation(
      operationId = "upsertReceptionVisitBySource",
      summary = "Ghi hoặc thay một lượt tiếp theo khóa nguồn",
      description =
          "Như PUT theo mã, nhưng lượt tiếp được tìm theo khóa của hệ thống nguồn; tạo mới thì mã do máy chủ cấp"
              + " (Location). sourceSystem, sourceId trong nội dung, nếu có, phải trùng đường dẫn (400). sourceVersion"
              + " xếp thứ tự các lần đẩy: cũ hơn bản đang lưu thì 409 kèm current.sourceVersion. Danh tính người tố cáo"
              + " được bảo vệ như khi ghi trực tiếp: không có trong phản hồi, nhật ký kiểm toán hay luồng thay đổi.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<VisitResponse> upsertBySource(
      @RestPath @Parameter(description = "Hệ thống nguồn.", example = "HCM-EGOV")
          String sourceSystem,
      @RestPath
          @Parameter(description = "Mã bản ghi trong hệ thống nguồn.", example = "TCD-2026-000125")
          String sourceId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang thay.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match") @Parameter(description = "* để chỉ tạo mới.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull VisitRequest body) {
    return visits
        .upsertBySource(
            SourceKey.ofPath(sourceSystem, sourceId), Preconditions.of(ifMatch, ifNoneMatch), body)
        .toResponse(COLLECTION);
  }

  @GET
  @Path("/{id}/protected-identity")
  @RolesAllowed(Roles.DENUNCIATION_HANDLER)
  @Operation(
      operationId = "getProtectedIdentity",
      summary = "Đọc danh tính người tố cáo",
      description =
          "Chỉ người xử lý tố cáo trong phạm vi, với lý do; mỗi lần đọc được ghi vào nhật ký kiểm toán (ai, khi nào, vì sao)."
              + " Lượt tiếp không phải tố cáo: 409.")
  @APIResponse(
      responseCode = "200",
      description = "Danh tính người tố cáo của lượt tiếp (không lưu lại ở trình duyệt: no-store).",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProtectedIdentityResponse.class)))
  @APIResponse(
      responseCode = "409",
      description = "Lượt tiếp không phải tố cáo (NOT_A_DENUNCIATION).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<ProtectedIdentityResponse> protectedIdentity(
      @RestPath UUID id,
      @RestQuery
          @Parameter(
              description = "Lý do cần đọc danh tính (2–500 ký tự).",
              example = "Xác minh nội dung tố cáo theo Quyết định thụ lý số 12/QĐ-TTr")
          String reason) {
    return ResponseBuilder.ok(visits.protectedIdentity(id, reason))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/{id}/documents")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Roles.ADMIN, Roles.RECEPTION_OFFICER, Roles.DENUNCIATION_HANDLER})
  @Operation(
      operationId = "addReceptionVisitDocument",
      summary = "Ghi nhận tài liệu công dân nộp",
      description =
          "Tải lên một tài liệu công dân cung cấp (multipart/form-data, trường file): PDF, DOCX, XLSX hoặc ảnh, loại nhận biết"
              + " từ nội dung (415 nếu khác), giới hạn danvan.attachments.max-size (413). Tên tệp và mô tả của máy khách"
              + " không được lưu (thường chứa tên người).")
  @APIResponse(
      responseCode = "201",
      description = "Đã lưu tài liệu.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentResponse.class)))
  public RestResponse<AttachmentResponse> addDocument(@RestPath UUID id, AttachmentUpload upload) {
    AttachmentResponse created = visits.addDocument(id, upload);
    return ResponseBuilder.<AttachmentResponse>created(
            java.net.URI.create(
                "/api/v1/reception-visits/" + id + "/documents/" + created.id() + "/content"))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}/documents")
  @RolesAllowed({Roles.RECEPTION_OFFICER, Roles.DENUNCIATION_HANDLER})
  @Operation(
      operationId = "listReceptionVisitDocuments",
      summary = "Tài liệu công dân đã nộp",
      description =
          "Chỉ cán bộ tiếp công dân và người xử lý tố cáo (vai trò khác: 403, kể cả quản trị). Tài liệu của lượt tố cáo chỉ người xử lý"
              + " tố cáo đọc được, với lý do, và mỗi lần đọc được ghi vết.")
  public Page<AttachmentResponse> documents(
      @RestPath UUID id,
      @RestQuery
          @Parameter(
              description = "Lý do (bắt buộc với lượt tố cáo).",
              example = "Xác minh nội dung tố cáo")
          String reason) {
    return new Page<>(visits.documents(id, reason), null);
  }

  @GET
  @Path("/{id}/documents/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed({Roles.RECEPTION_OFFICER, Roles.DENUNCIATION_HANDLER})
  @Operation(
      operationId = "getReceptionVisitDocumentContent",
      summary = "Tải tài liệu công dân đã nộp",
      description =
          "Như danh sách tài liệu: quyền theo vai trò; lượt tố cáo cần lý do và được ghi vết.")
  @APIResponse(
      responseCode = "200",
      description = "Nội dung tệp.",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = "application/octet-stream",
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  public jakarta.ws.rs.core.Response documentContent(
      @RestPath UUID id,
      @RestPath UUID attachmentId,
      @RestQuery
          @Parameter(
              description = "Lý do (bắt buộc với lượt tố cáo).",
              example = "Xác minh nội dung tố cáo")
          String reason) {
    return visits.document(id, attachmentId, reason).toResponse();
  }

  @GET
  @Path("/export")
  @Produces(ReceptionExportService.XLSX)
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "exportReceptionBook",
      summary = "Xuất Sổ tiếp công dân (XLSX)",
      description =
          "Các cột của Sổ tiếp công dân (Mẫu 03, Thông tư 04/2021/TT-TTCP), tiêu đề tiếng Việt; che theo quyền của người gọi,"
              + " người tố cáo không bao giờ có trong tệp. Tối đa 100000 dòng.")
  @APIResponse(
      responseCode = "200",
      description = "Tệp XLSX.",
      headers = {
        @Header(
            name = "Content-Disposition",
            description = "attachment; filename=\"so-tiep-cong-dan.xlsx\"",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = ReceptionExportService.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public jakarta.ws.rs.core.Response export(
      @RestQuery
          @Parameter(
              description = "Đơn vị (cả cây con).",
              example = "00000000-0000-4000-8004-000000026882")
          UUID orgUnitId,
      @RestQuery @Parameter(description = "Từ ngày tiếp.", example = "2026-01-01") LocalDate from,
      @RestQuery @Parameter(description = "Đến ngày tiếp.", example = "2026-12-31") LocalDate to) {
    byte[] file = export.book(orgUnitId, from, to);
    return jakarta.ws.rs.core.Response.ok(file, ReceptionExportService.XLSX)
        .header("Content-Disposition", "attachment; filename=\"so-tiep-cong-dan.xlsx\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
