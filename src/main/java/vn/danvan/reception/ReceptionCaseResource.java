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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Tiếp công dân",
    description = "Sổ tiếp công dân, vụ việc, thời hạn giải quyết (Citizen reception)")
public class ReceptionCaseResource {

  static final String COLLECTION = "/api/v1/cases";

  @Inject ReceptionCaseService cases;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listCases",
      summary = "Danh sách vụ việc",
      description =
          "Vụ việc trong phạm vi, mới nhận trước; overdue=true chỉ vụ việc quá hạn thụ lý hoặc giải quyết.")
  public Page<CaseResponse> list(
      @RestQuery
          @Parameter(description = "Đơn vị.", example = "00000000-0000-4000-8004-000000026882")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Chỉ đơn vị đó (mặc định), đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Loại nội dung.", example = "COMPLAINT") ContentKind kind,
      @RestQuery @Parameter(description = "Trạng thái.", example = "ACCEPTED") CaseStatus status,
      @RestQuery @Parameter(description = "Chỉ vụ việc quá hạn.", example = "true") Boolean overdue,
      @BeanParam PageParams page) {
    return cases.list(
        new CaseQuery(orgUnitId, orgUnitMode, kind, status, overdue), page.toRequest());
  }

  @POST
  @RolesAllowed({
    Roles.ADMIN,
    Roles.UNIT_MANAGER,
    Roles.RECEPTION_OFFICER,
    Roles.DENUNCIATION_HANDLER
  })
  @Operation(
      operationId = "createCase",
      summary = "Tạo vụ việc",
      description =
          "Vụ việc ở trạng thái RECEIVED; thời hạn thụ lý tính từ ngày nhận. Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; ETag và Location trong tiêu đề.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseResponse.class)))
  public RestResponse<CaseResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "3b1f5c1e-7d1a-4f7e-9b0c-2a6f3d8e9c10")
          String idempotencyKey,
      @Valid @NotNull CaseRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        CaseResponse.class,
        () -> Responses.created(COLLECTION, cases.create(body)));
  }

  @GET
  @Path("/duplicate-candidates")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.UNIT_MANAGER,
    Roles.OFFICER,
    Roles.RECEPTION_OFFICER,
    Roles.DENUNCIATION_HANDLER
  })
  @Operation(
      operationId = "listCaseDuplicateCandidates",
      summary = "Gợi ý vụ việc trùng",
      description =
          "Vụ việc có thể cùng nội dung với một lượt tiếp: cùng người (khớp số giấy tờ qua mã băm có khóa, không giải mã)"
              + " và nội dung tương tự (so khớp trigram, không phân biệt dấu), trong phạm vi người gọi."
              + " Khớp qua lượt tố cáo chỉ hiện với người xử lý tố cáo.")
  public DuplicateCandidatesResponse duplicates(
      @RestQuery
          @Parameter(
              description = "Lượt tiếp.",
              required = true,
              example = "0d6c3b8e-5a41-4b7a-8f2e-1c9d0e7a6b55")
          UUID visitId) {
    if (visitId == null) {
      throw ApiException.invalid("/query/visitId", "field.REQUIRED");
    }
    return cases.duplicates(visitId);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getCase",
      summary = "Xem một vụ việc",
      description = "Với các thời hạn và trạng thái hôm nay; ngoài phạm vi: 404.")
  public RestResponse<CaseResponse> get(@RestPath UUID id) {
    return Responses.ok(cases.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.UNIT_MANAGER,
    Roles.RECEPTION_OFFICER,
    Roles.DENUNCIATION_HANDLER,
    Roles.INTEGRATION
  })
  @Operation(
      operationId = "upsertCase",
      summary = "Ghi hoặc thay một vụ việc theo mã",
      description =
          "Upsert theo mã do máy khách chọn: chưa có thì tạo ở trạng thái RECEIVED (201, Location, ETag), đã có thì"
              + " thay nội dung (200); gửi lại đúng nội dung đang lưu: 200 cùng ETag, không ghi gì. Trạng thái, ngày thụ"
              + " lý, gia hạn, giải quyết, chuyển, kết thúc chỉ đổi qua chuyển trạng thái. Loại nội dung không đổi được"
              + " (409 CASE_KIND_FIXED); đơn vị, ngày nhận, lần giải quyết, phức tạp, vùng sâu (căn cứ tính thời hạn) chỉ"
              + " sửa được khi vụ việc còn RECEIVED hoặc ACCEPTED (thời hạn tính lại; sau đó 409 CASE_FACTS_FIXED);"
              + " receivedDate vắng mặt giữ nguyên. Thay cần If-Match, trừ khi hệ thống nguồn sở hữu bản ghi đẩy"
              + " sourceVersion mới hơn; If-None-Match: * chỉ tạo mới (412 ALREADY_EXISTS). Bản ghi của hệ thống nguồn:"
              + " 409 OWNED_BY_SOURCE với người khác; sourceVersion cũ hơn: 409 SOURCE_VERSION_CONFLICT. Ngoài phạm vi: 404.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<CaseResponse> upsert(
      @RestPath
          @Parameter(
              description = "Mã vụ việc (UUID do máy khách chọn khi tạo).",
              example = "8a0e4c1b-2d3f-4a5b-9c6d-7e8f9a0b1c2d")
          UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang thay.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match") @Parameter(description = "* để chỉ tạo mới.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull CaseRequest body) {
    return cases.upsert(id, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(COLLECTION);
  }

  @PUT
  @Path("/by-source/{sourceSystem}/{sourceId}")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.UNIT_MANAGER,
    Roles.RECEPTION_OFFICER,
    Roles.DENUNCIATION_HANDLER,
    Roles.INTEGRATION
  })
  @Operation(
      operationId = "upsertCaseBySource",
      summary = "Ghi hoặc thay một vụ việc theo khóa nguồn",
      description =
          "Như PUT theo mã, nhưng vụ việc được tìm theo khóa của hệ thống nguồn; tạo mới thì mã do máy chủ cấp"
              + " (Location). sourceSystem, sourceId trong nội dung, nếu có, phải trùng đường dẫn (400). sourceVersion"
              + " xếp thứ tự các lần đẩy: cũ hơn bản đang lưu thì 409 kèm current.sourceVersion.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<CaseResponse> upsertBySource(
      @RestPath @Parameter(description = "Hệ thống nguồn.", example = "HCM-EGOV")
          String sourceSystem,
      @RestPath
          @Parameter(description = "Mã bản ghi trong hệ thống nguồn.", example = "VV-2026-000031")
          String sourceId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang thay.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match") @Parameter(description = "* để chỉ tạo mới.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull CaseRequest body) {
    return cases
        .upsertBySource(
            SourceKey.ofPath(sourceSystem, sourceId), Preconditions.of(ifMatch, ifNoneMatch), body)
        .toResponse(COLLECTION);
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.UNIT_MANAGER,
    Roles.RECEPTION_OFFICER,
    Roles.DENUNCIATION_HANDLER,
    Roles.INTEGRATION
  })
  @Operation(
      operationId = "transitionCase",
      summary = "Chuyển trạng thái vụ việc",
      description =
          "ACCEPT (thụ lý), EXTEND (gia hạn tố cáo, cần số quyết định: 1 lần nếu phức tạp, 2 lần nếu đặc biệt phức tạp),"
              + " RESOLVE (cần số quyết định), CLOSE, TRANSFER (cần cơ quan nhận), REOPEN. Sai trạng thái: 409. Cần If-Match."
              + " Vụ việc do hệ thống nguồn đẩy vào chỉ hệ thống đó (hoặc quản trị) chuyển trạng thái (409 OWNED_BY_SOURCE);"
              + " tài khoản tích hợp chỉ chuyển trạng thái vụ việc của hệ thống mình (403 với vụ việc khác).")
  public RestResponse<CaseResponse> transition(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản hiện tại.", example = "\"0\"")
          String ifMatch,
      @Valid @NotNull CaseTransitionRequest body) {
    return Responses.ok(cases.transition(id, ETags.requireVersion(ifMatch), body));
  }

  @GET
  @Path("/{id}/visits")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listCaseVisits",
      summary = "Các lượt tiếp của vụ việc",
      description = "Che theo vai trò như Sổ tiếp công dân.")
  public Page<VisitResponse> visits(@RestPath UUID id, @BeanParam PageParams page) {
    return cases.visitsOf(id, page.toRequest());
  }

  @GET
  @Path("/{id}/deadlines")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getCaseDeadlines",
      summary = "Thời hạn pháp định của vụ việc",
      description =
          "Khiếu nại: thụ lý 10 ngày; giải quyết lần đầu 30 ngày (45 nếu phức tạp; vùng sâu 45/60), lần hai 45/60 (60/70)."
              + " Tố cáo: thụ lý 7 ngày làm việc; giải quyết 30 ngày từ thụ lý, gia hạn 30 ngày mỗi lần theo quyết định."
              + " Số ngày, ngày làm việc hay ngày lịch và lịch nghỉ lễ theo cấu hình; giờ Việt Nam.")
  public CaseDeadlinesResponse deadlines(@RestPath UUID id) {
    return new CaseDeadlinesResponse(cases.deadlines(id));
  }

  @org.eclipse.microprofile.openapi.annotations.media.Schema(
      name = "CaseDeadlines",
      description = "Các thời hạn của một vụ việc.")
  public record CaseDeadlinesResponse(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Các thời hạn.")
          List<DeadlineResponse> items) {}
}
