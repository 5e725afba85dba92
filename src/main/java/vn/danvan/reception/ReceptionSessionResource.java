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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;

@Path("/api/v1/reception-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Tiếp công dân",
    description = "Sổ tiếp công dân, vụ việc, thời hạn giải quyết (Citizen reception)")
public class ReceptionSessionResource {

  static final String COLLECTION = "/api/v1/reception-sessions";

  @Inject ReceptionSessionService sessions;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listReceptionSessions",
      summary = "Danh sách buổi tiếp công dân",
      description = "Các buổi tiếp của các đơn vị trong phạm vi, mới nhất trước.")
  public Page<SessionResponse> list(
      @RestQuery
          @Parameter(description = "Đơn vị.", example = "00000000-0000-4000-8004-000000026882")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Chỉ đơn vị đó (mặc định), đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Từ ngày.", example = "2026-01-01") LocalDate from,
      @RestQuery @Parameter(description = "Đến ngày.", example = "2026-12-31") LocalDate to,
      @RestQuery @Parameter(description = "Vai trò người chủ trì.", example = "HEAD")
          HostRole hostRole,
      @RestQuery @Parameter(description = "Hình thức tiếp.", example = "PERIODIC_HEAD")
          SessionKind kind,
      @BeanParam PageParams page) {
    return sessions.list(
        new SessionQuery(orgUnitId, orgUnitMode, from, to, hostRole, kind), page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.RECEPTION_OFFICER})
  @Operation(
      operationId = "createReceptionSession",
      summary = "Ghi một buổi tiếp công dân",
      description = "Đơn vị phải trong phạm vi. Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; ETag và Location trong tiêu đề.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionResponse.class)))
  public RestResponse<SessionResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "3b1f5c1e-7d1a-4f7e-9b0c-2a6f3d8e9c10")
          String idempotencyKey,
      @Valid @NotNull SessionRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        SessionResponse.class,
        () -> Responses.created("/api/v1/reception-sessions", sessions.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getReceptionSession",
      summary = "Xem một buổi tiếp",
      description = "Ngoài phạm vi: 404.")
  public RestResponse<SessionResponse> get(@RestPath UUID id) {
    return Responses.ok(sessions.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.RECEPTION_OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "updateReceptionSession",
      summary = "Ghi hoặc thay một buổi tiếp theo mã",
      description =
          "Upsert theo mã do máy khách chọn: chưa có thì tạo (201, Location, ETag), đã có thì thay toàn bộ nội dung"
              + " (200); gửi lại đúng nội dung đang lưu: 200 cùng ETag, không ghi gì. Thay cần If-Match, trừ khi hệ thống"
              + " nguồn sở hữu bản ghi đẩy sourceVersion mới hơn; If-None-Match: * chỉ tạo mới (412 ALREADY_EXISTS nếu"
              + " đã có). Bản ghi do hệ thống nguồn đẩy vào chỉ hệ thống đó hoặc quản trị được thay (409 OWNED_BY_SOURCE);"
              + " sourceVersion cũ hơn bản đang lưu: 409 SOURCE_VERSION_CONFLICT. Ngoài phạm vi: 404.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<SessionResponse> update(
      @RestPath
          @Parameter(
              description = "Mã buổi tiếp (UUID do máy khách chọn khi tạo).",
              example = "6f1c1a52-3e7e-4c55-9d1a-0f8b3c2d1e01")
          UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang thay.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match") @Parameter(description = "* để chỉ tạo mới.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull SessionRequest body) {
    return sessions.upsert(id, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(COLLECTION);
  }

  @PUT
  @Path("/by-source/{sourceSystem}/{sourceId}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.RECEPTION_OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "upsertReceptionSessionBySource",
      summary = "Ghi hoặc thay một buổi tiếp theo khóa nguồn",
      description =
          "Như PUT theo mã, nhưng bản ghi được tìm theo khóa của hệ thống nguồn; tạo mới thì mã do máy chủ cấp"
              + " (Location). sourceSystem, sourceId trong nội dung, nếu có, phải trùng đường dẫn (400). sourceVersion"
              + " trong nội dung xếp thứ tự các lần đẩy: cũ hơn bản đang lưu thì 409 kèm current.sourceVersion.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<SessionResponse> upsertBySource(
      @RestPath @Parameter(description = "Hệ thống nguồn.", example = "HCM-EGOV")
          String sourceSystem,
      @RestPath
          @Parameter(description = "Mã bản ghi trong hệ thống nguồn.", example = "BT-2026-0012")
          String sourceId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang thay.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match") @Parameter(description = "* để chỉ tạo mới.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull SessionRequest body) {
    return sessions
        .upsertBySource(
            SourceKey.ofPath(sourceSystem, sourceId), Preconditions.of(ifMatch, ifNoneMatch), body)
        .toResponse(COLLECTION);
  }
}
