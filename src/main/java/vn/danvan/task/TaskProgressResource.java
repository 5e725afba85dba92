package vn.danvan.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.security.Roles;

/** Progress reports of a task and their evidence. */
@Path("/api/v1/tasks/{id}/progress-updates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nhiệm vụ")
public class TaskProgressResource {

  private static final String BASE = "/api/v1/tasks";

  @Inject TaskProgressService progress;
  @Inject Idempotency idempotency;

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "addTaskProgress",
      summary = "Báo cáo tiến độ",
      description =
          "Đơn vị chủ trì ghi một lần báo cáo tiến độ (%, ghi chú); lịch sử chỉ thêm, không sửa, không xóa."
              + " Nhiệm vụ đã xong hoặc đã hủy: 409.")
  @APIResponse(
      responseCode = "201",
      description = "Đã ghi.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgressUpdateResponse.class)))
  public RestResponse<ProgressUpdateResponse> addProgress(
      @RestPath UUID id,
      @RestHeader(Idempotency.HEADER) @Parameter(description = "Khóa chống tạo trùng khi gửi lại.")
          String idempotencyKey,
      @Valid @NotNull ProgressUpdateRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        ProgressUpdateResponse.class,
        () -> {
          ProgressUpdateResponse p = progress.addProgress(id, body);
          return ResponseBuilder.<ProgressUpdateResponse>created(
                  URI.create(BASE + "/" + id + "/progress-updates/" + p.id()))
              .entity(p)
              .build();
        });
  }

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listTaskProgress",
      summary = "Lịch sử tiến độ",
      description = "Các lần báo cáo tiến độ, mới nhất trước; phân trang.")
  public Page<ProgressUpdateResponse> progress(@RestPath UUID id, @BeanParam PageParams page) {
    return progress.progress(id, page.toRequest());
  }

  @POST
  @Path("/{pid}/evidence")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "addTaskProgressEvidence",
      summary = "Đính kèm minh chứng tiến độ",
      description =
          "Đơn vị chủ trì tải lên một tệp minh chứng cho một lần báo cáo tiến độ (multipart/form-data, trường file;"
              + " description tùy chọn): biên bản, ảnh, báo cáo đã ký. PDF, DOCX, XLSX hoặc ảnh, nhận biết từ nội dung (415),"
              + " giới hạn danvan.attachments.max-size (413). Lưu kèm kích thước và SHA-256.")
  @APIResponse(
      responseCode = "201",
      description = "Đã lưu tệp.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentResponse.class)))
  public RestResponse<AttachmentResponse> addEvidence(
      @RestPath UUID id, @RestPath UUID pid, AttachmentUpload upload) {
    AttachmentResponse created = progress.addEvidence(id, pid, upload);
    return ResponseBuilder.<AttachmentResponse>created(
            URI.create(
                BASE
                    + "/"
                    + id
                    + "/progress-updates/"
                    + pid
                    + "/evidence/"
                    + created.id()
                    + "/content"))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{pid}/evidence")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listTaskProgressEvidence",
      summary = "Minh chứng của một lần báo cáo tiến độ",
      description =
          "Các tệp minh chứng (không kèm nội dung), cũ trước; ai xem được nhiệm vụ thì xem được.")
  public Page<AttachmentResponse> evidence(@RestPath UUID id, @RestPath UUID pid) {
    return new Page<>(progress.evidence(id, pid), null);
  }

  @GET
  @Path("/{pid}/evidence/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getTaskProgressEvidenceContent",
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
  public Response evidenceContent(
      @RestPath UUID id, @RestPath UUID pid, @RestPath UUID attachmentId) {
    return progress.evidenceContent(id, pid, attachmentId).toResponse();
  }
}
