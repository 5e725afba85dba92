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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

@Path("/api/v1/reception-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Tiếp công dân",
    description = "Sổ tiếp công dân, vụ việc, thời hạn giải quyết (Citizen reception)")
public class ReceptionSessionResource {

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
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
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
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.RECEPTION_OFFICER})
  @Operation(
      operationId = "updateReceptionSession",
      summary = "Sửa một buổi tiếp",
      description = "Thay toàn bộ nội dung. Cần If-Match.")
  public RestResponse<SessionResponse> update(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang sửa.", example = "\"0\"")
          String ifMatch,
      @Valid @NotNull SessionRequest body) {
    return Responses.ok(sessions.update(id, ETags.requireVersion(ifMatch), body));
  }
}
