package vn.danvan.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.security.Roles;

/** Extension requests of a task and their decisions. */
@Path("/api/v1/tasks/{id}/extension-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nhiệm vụ")
public class TaskExtensionResource {

  private static final String BASE = "/api/v1/tasks";

  @Inject TaskExtensionService extensions;
  @Inject Idempotency idempotency;

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "requestTaskExtension",
      summary = "Xin gia hạn",
      description =
          "Đơn vị chủ trì đề nghị hạn mới (sau hạn hiện hành, không sau hạn của nhiệm vụ cha) với lý do; mỗi lúc một đề nghị chờ duyệt (409).")
  @APIResponse(
      responseCode = "201",
      description = "Đã gửi đề nghị; ETag và Location trong tiêu đề.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExtensionResponse.class)))
  public RestResponse<ExtensionResponse> requestExtension(
      @RestPath UUID id,
      @RestHeader(Idempotency.HEADER) @Parameter(description = "Khóa chống tạo trùng khi gửi lại.")
          String idempotencyKey,
      @Valid @NotNull ExtensionRequestInput body) {
    return idempotency.run(
        idempotencyKey,
        body,
        ExtensionResponse.class,
        () ->
            Responses.created(
                BASE + "/" + id + "/extension-requests", extensions.requestExtension(id, body)));
  }

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listTaskExtensions",
      summary = "Các đề nghị gia hạn",
      description = "Mọi đề nghị gia hạn của nhiệm vụ với quyết định, mới nhất trước.")
  public Page<ExtensionResponse> extensions(@RestPath UUID id) {
    return extensions.extensions(id);
  }

  @GET
  @Path("/{rid}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getTaskExtension",
      summary = "Xem một đề nghị gia hạn",
      description = "Một đề nghị gia hạn với ETag (dùng trong If-Match khi quyết định).")
  public RestResponse<ExtensionResponse> extension(@RestPath UUID id, @RestPath UUID rid) {
    return Responses.ok(extensions.extension(id, rid));
  }

  @POST
  @Path("/{rid}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.INTEGRATION})
  @Operation(
      operationId = "decideTaskExtension",
      summary = "Duyệt đề nghị gia hạn",
      description =
          "Lãnh đạo đơn vị giao việc đồng ý (APPROVE: hạn của nhiệm vụ đổi, lịch sử hạn được ghi) hoặc không đồng ý (REJECT)."
              + " Đề nghị đã quyết định: 409. Nhiệm vụ do hệ thống nguồn đẩy vào: chỉ hệ thống đó (tài khoản tích hợp)"
              + " hoặc quản trị quyết định, người khác nhận 409 OWNED_BY_SOURCE. Cần If-Match của đề nghị.")
  public RestResponse<ExtensionResponse> decideExtension(
      @RestPath UUID id,
      @RestPath UUID rid,
      @RestHeader("If-Match") @Parameter(description = "ETag của đề nghị.", example = "\"0\"")
          String ifMatch,
      @Valid @NotNull ExtensionDecisionRequest body) {
    return Responses.ok(extensions.decideExtension(id, rid, ETags.requireVersion(ifMatch), body));
  }
}
