package vn.danvan.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
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
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.security.Roles;

/** The tasks a directive assigns, created together. */
@Path("/api/v1/directives/{directiveId}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nhiệm vụ")
public class DirectiveTaskResource {

  @Inject TaskService tasks;
  @Inject Idempotency idempotency;

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "createDirectiveTasks",
      summary = "Giao các nhiệm vụ của một văn bản",
      description =
          "Tạo cùng lúc mọi nhiệm vụ mà văn bản giao (ví dụ mục IV của Kế hoạch 847/KH-UBND), trong một giao dịch:"
              + " tất cả hoặc không nhiệm vụ nào; lỗi chỉ rõ vị trí (/tasks/3/dueDate). dryRun=true chỉ kiểm tra."
              + " Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BulkTasksResponse.class)))
  @APIResponse(
      responseCode = "200",
      description = "dryRun=true: các nhiệm vụ sẽ được tạo, không ghi gì.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BulkTasksResponse.class)))
  public RestResponse<BulkTasksResponse> create(
      @RestPath UUID directiveId,
      @RestQuery @Parameter(description = "Chỉ kiểm tra, không ghi.", example = "false")
          Boolean dryRun,
      @RestHeader(Idempotency.HEADER) @Parameter(description = "Khóa chống tạo trùng khi gửi lại.")
          String idempotencyKey,
      @Valid @NotNull BulkTasksRequest body) {
    boolean dry = Boolean.TRUE.equals(dryRun);
    if (dry) {
      return RestResponse.ok(tasks.createForDirective(directiveId, body, true));
    }
    return idempotency.run(
        idempotencyKey,
        body,
        BulkTasksResponse.class,
        () ->
            ResponseBuilder.<BulkTasksResponse>created(
                    URI.create("/api/v1/tasks?directiveId=" + directiveId))
                .entity(tasks.createForDirective(directiveId, body, false))
                .build());
  }
}
