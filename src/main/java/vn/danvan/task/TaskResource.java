package vn.danvan.task;

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
import java.net.URI;
import java.time.LocalDate;
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
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Nhiệm vụ",
    description =
        "Nhiệm vụ \"5 rõ\", giao tiếp xuống đơn vị cấp dưới, tiến độ, gia hạn và bốn tình trạng theo Quyết định 42/2014 (Tasks)")
public class TaskResource {

  private static final String BASE = "/api/v1/tasks";

  @Inject TaskService tasks;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listTasks",
      summary = "Danh sách nhiệm vụ",
      description =
          "Nhiệm vụ trong phạm vi của người dùng (đơn vị chủ trì hoặc phối hợp thuộc phạm vi), lọc theo đơn vị"
              + " (orgUnitId + orgUnitMode + role), tình trạng, trạng thái, văn bản, nhiệm vụ cha, khoảng hạn và từ khóa"
              + " (không phân biệt dấu: `bao cao 6 thang` tìm thấy `Báo cáo 6 tháng`); sắp xếp theo hạn (mặc định) hoặc"
              + " thời điểm sửa; phân trang bằng con trỏ.")
  public Page<TaskResponse> list(
      @RestQuery
          @Parameter(
              description =
                  "Đơn vị lọc (theo vai trò role); đơn vị ngoài phạm vi trả 422 UNKNOWN_UNIT như đơn vị không tồn tại.",
              example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery
          @Parameter(
              description = "Vai trò của đơn vị lọc: LEAD (mặc định), COORDINATING hoặc ANY.",
              example = "LEAD")
          TaskRole role,
      @RestQuery
          @Parameter(
              description =
                  "Tình trạng hôm nay. Nhiệm vụ định kỳ (mẫu, không có hạn) không có tình trạng nên không bao giờ khớp;"
                      + " các lần thực hiện của nó có. Cùng quy tắc với thống kê: tổng theo tình trạng bằng số phần tử của danh sách.",
              example = "OVERDUE")
          TaskState state,
      @RestQuery @Parameter(description = "Trạng thái xử lý.", example = "IN_PROGRESS")
          TaskStatus status,
      @RestQuery @Parameter(description = "Văn bản chỉ đạo giao nhiệm vụ.") UUID directiveId,
      @RestQuery @Parameter(description = "Chỉ các việc con trực tiếp của nhiệm vụ này.")
          UUID parentId,
      @RestQuery @Parameter(description = "Hạn từ ngày.", example = "2023-01-01") LocalDate dueFrom,
      @RestQuery @Parameter(description = "Hạn đến ngày.", example = "2023-12-31") LocalDate dueTo,
      @RestQuery
          @Parameter(
              description = "Từ khóa (không phân biệt dấu, hoa thường).",
              example = "dan van")
          String q,
      @RestQuery
          @Parameter(
              description = "Sắp xếp: dueDate (mặc định), -dueDate, updatedAt, -updatedAt.",
              example = "dueDate",
              schema = @Schema(implementation = TaskSort.class))
          String sort,
      @BeanParam PageParams page) {
    return tasks.list(
        new TaskService.ListFilter(
            orgUnitId,
            orgUnitMode,
            role,
            state,
            status,
            directiveId,
            parentId,
            dueFrom,
            dueTo,
            q,
            sort),
        page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "createTask",
      summary = "Giao một nhiệm vụ",
      description =
          "Tạo nhiệm vụ đủ \"5 rõ\". Người gọi phải thuộc phạm vi của cả đơn vị chủ trì và đơn vị giao việc; đơn vị giao việc"
              + " chỉ giao cho chính mình hoặc đơn vị cấp dưới (đơn vị chủ trì ngoài phạm vi trả 422 UNKNOWN_UNIT như đơn vị"
              + " không tồn tại); đơn vị phối hợp có thể ở bất kỳ đâu nhưng phải tồn tại vào ngày giao."
              + " Có parentId: việc con, đơn vị chủ trì ở dưới đơn vị chủ trì của việc cha, hạn không sau hạn việc cha."
              + " Có recurrence: nhiệm vụ định kỳ, sinh các lần thực hiện có hạn riêng. Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; ETag và Location trong tiêu đề.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskResponse.class)))
  public RestResponse<TaskResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "3b1f5c1e-7d1a-4f7e-9b0c-2a6f3d8e9c10")
          String idempotencyKey,
      @Valid @NotNull TaskRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        TaskResponse.class,
        () -> Responses.created(BASE, tasks.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getTask",
      summary = "Xem một nhiệm vụ",
      description =
          "Nhiệm vụ với tình trạng hôm nay, tiến độ tự nhập và tổng hợp từ việc con, hạn muộn nhất của việc con."
              + " Ngoài phạm vi: 404 như không tồn tại.")
  public RestResponse<TaskResponse> get(@RestPath UUID id) {
    return Responses.ok(tasks.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "updateTask",
      summary = "Tạo hoặc thay nhiệm vụ theo mã (upsert)",
      description =
          "Mã chưa có: tạo nhiệm vụ với mã (UUID) do bên gọi chọn, theo đúng quy tắc của POST (\"5 rõ\", phạm vi, nhiệm vụ"
              + " cha): 201 kèm Location và ETag. Mã đã có: thay nội dung, cần If-Match (428 nếu thiếu, 412 nếu cũ), trừ"
              + " khi nội dung không đổi (gửi lại: 200, ETag cũ, không ghi gì) hoặc hệ thống nguồn sở hữu bản ghi đẩy"
              + " sourceVersion mới hơn. If-None-Match: * chỉ cho tạo mới (412 ALREADY_EXISTS nếu đã có)."
              + " Chỉ người gọi thuộc phạm vi của cả đơn vị chủ trì và đơn vị giao việc (403); bỏ trống assigningUnitId"
              + " thì giữ đơn vị giao việc hiện tại. Không đổi trạng thái (dùng transitions), nhiệm vụ cha hay lịch định kỳ"
              + " (409); đơn vị chủ trì chỉ đổi được khi chưa bắt đầu (NEW), hạn cũng vậy trừ nhiệm vụ của hệ thống nguồn"
              + " (hệ thống đó quyết định gia hạn). Nhiệm vụ do hệ thống nguồn đẩy vào chỉ hệ thống đó hoặc quản trị thay"
              + " (409 OWNED_BY_SOURCE); sourceVersion cũ hơn bản đang lưu: 409 SOURCE_VERSION_CONFLICT.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không đổi; ETag trong tiêu đề.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<TaskResponse> update(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang sửa.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(description = "`*`: chỉ tạo mới, 412 nếu đã có.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull TaskRequest body) {
    return tasks.upsert(id, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(BASE);
  }

  @PUT
  @Path("/by-source/{sourceSystem}/{sourceId}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "upsertTaskBySource",
      summary = "Tạo hoặc thay nhiệm vụ theo khóa nguồn",
      description =
          "Như PUT /tasks/{id}, nhưng nhiệm vụ được tìm theo khóa nguồn (sourceSystem, sourceId): hệ thống nguồn đẩy"
              + " bản ghi của mình nhiều lần mà không tạo trùng. Chưa có: tạo với mã mới (201, Location). Đã có: thay"
              + " nếu sourceVersion mới hơn bản đang lưu (không cần If-Match), không đổi nếu cùng phiên bản và nội dung"
              + " (200, không ghi gì), 409 SOURCE_VERSION_CONFLICT nếu cũ hơn (phiên bản đang lưu trong current)."
              + " Người gọi chỉ ghi khóa của hệ thống mình (403 SOURCE_SYSTEM_NOT_YOURS); sourceSystem, sourceId trong"
              + " thân (nếu có) phải trùng đường dẫn.")
  @APIResponse(responseCode = "200", description = "Đã thay, hoặc không đổi; ETag trong tiêu đề.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<TaskResponse> upsertBySource(
      @RestPath
          @Parameter(
              description = "Hệ thống nguồn (chữ, số và . _ -, tối đa 64 ký tự).",
              example = "HCM-EGOV")
          String sourceSystem,
      @RestPath
          @Parameter(
              description = "Mã của nhiệm vụ trong hệ thống nguồn (1–200 ký tự).",
              example = "NV-2025-000123")
          String sourceId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang sửa.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(description = "`*`: chỉ tạo mới, 412 nếu đã có.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull TaskRequest body) {
    SourceKey key = SourceKey.ofPath(sourceSystem, sourceId);
    return tasks.upsertBySource(key, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(BASE);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "deleteTask",
      summary = "Xóa nhiệm vụ giao nhầm",
      description =
          "Chỉ xóa được nhiệm vụ chưa bắt đầu (NEW) và chưa giao tiếp (409); nhiệm vụ đã thực hiện thì hủy (CANCEL)."
              + " Nhiệm vụ do hệ thống nguồn đẩy vào: chỉ hệ thống đó hoặc quản trị (409 OWNED_BY_SOURCE). Cần If-Match.")
  @APIResponse(responseCode = "204", description = "Đã xóa.")
  @APIResponse(
      responseCode = "409",
      description =
          "Nhiệm vụ đã bắt đầu hoặc đã giao tiếp (TASK_NOT_NEW, TASK_HAS_CHILDREN), hoặc do hệ thống nguồn quản lý (OWNED_BY_SOURCE).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<Void> delete(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang xóa.", example = "\"0\"")
          String ifMatch) {
    tasks.delete(id, ETags.requireVersion(ifMatch));
    return RestResponse.noContent();
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER, Roles.INTEGRATION})
  @Operation(
      operationId = "transitionTask",
      summary = "Chuyển trạng thái nhiệm vụ",
      description =
          "START (NEW → IN_PROGRESS); COMPLETE với resultNote (khi mọi việc con đã xong hoặc hủy; completedOn mặc định hôm nay);"
              + " CANCEL với reason (hủy cả các việc con đang mở); REOPEN (DONE/CANCELLED → IN_PROGRESS)."
              + " Thao tác không hợp lệ với trạng thái hiện tại: 409. Nhiệm vụ do hệ thống nguồn đẩy vào: chỉ hệ thống đó"
              + " (tài khoản tích hợp) hoặc quản trị chuyển trạng thái (409 OWNED_BY_SOURCE); đơn vị chủ trì vẫn báo cáo"
              + " tiến độ, xin gia hạn và giao tiếp xuống cấp dưới. Cần If-Match.")
  public RestResponse<TaskResponse> transition(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản hiện tại.", example = "\"0\"")
          String ifMatch,
      @Valid @NotNull TaskTransitionRequest body) {
    return Responses.ok(tasks.transition(id, ETags.requireVersion(ifMatch), body));
  }

  @GET
  @Path("/{id}/children")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listTaskChildren",
      summary = "Việc con trực tiếp",
      description =
          "Các nhiệm vụ con trực tiếp (kể cả các lần thực hiện của nhiệm vụ định kỳ), theo hạn; phân trang.")
  public Page<TaskResponse> children(
      @RestPath UUID id,
      @RestQuery
          @Parameter(
              description = "Sắp xếp: dueDate (mặc định), -dueDate, updatedAt, -updatedAt.",
              schema = @Schema(implementation = TaskSort.class))
          String sort,
      @BeanParam PageParams page) {
    return tasks.children(id, sort, page.toRequest());
  }

  @GET
  @Path("/{id}/ancestors")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listTaskAncestors",
      summary = "Chuỗi việc cha",
      description =
          "Các nhiệm vụ cha từ gốc của cây xuống tới cha trực tiếp (bỏ qua việc ngoài phạm vi); một truy vấn đệ quy.")
  public Page<TaskResponse> ancestors(@RestPath UUID id) {
    return tasks.ancestors(id);
  }

  @GET
  @Path("/{id}/tree")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getTaskTree",
      summary = "Cây giao việc",
      description =
          "Nhiệm vụ và mọi việc con, cháu tới độ sâu depth (mặc định 20, tối đa 50), theo chiều sâu và hạn; tối đa 5000 nút (422)."
              + " Một truy vấn đệ quy.")
  public TaskTreeResponse tree(
      @RestPath UUID id,
      @RestQuery @Parameter(description = "Độ sâu tối đa (1–50, mặc định 20).", example = "20")
          Integer depth) {
    return tasks.tree(id, depth);
  }

  @POST
  @Path("/{id}/delegations")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "delegateTask",
      summary = "Giao tiếp xuống đơn vị cấp dưới",
      description =
          "Tách nhiệm vụ thành các việc con cho các đơn vị ở dưới đơn vị chủ trì: liệt kê (units) hoặc mọi đơn vị con trực tiếp"
              + " của một loại còn hoạt động (childKind, ví dụ COMMUNE: 16 phường trong một lần gọi). Hạn mỗi việc con"
              + " không sau hạn nhiệm vụ cha (400). Tất cả hoặc không việc nào. Người gọi phải thuộc phạm vi đơn vị chủ trì"
              + " nhiệm vụ cha (đơn vị giao các việc con). assignedOn ghi ngày giao trong quá khứ (vào sổ việc đã giao)."
              + " Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Các việc con đã tạo.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DelegatedTasks.class)))
  public RestResponse<DelegatedTasks> delegate(
      @RestPath UUID id,
      @RestHeader(Idempotency.HEADER) @Parameter(description = "Khóa chống tạo trùng khi gửi lại.")
          String idempotencyKey,
      @Valid @NotNull DelegationRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        DelegatedTasks.class,
        () ->
            ResponseBuilder.<DelegatedTasks>created(URI.create(BASE + "/" + id + "/children"))
                .entity(new DelegatedTasks(tasks.delegate(id, body)))
                .build());
  }

  /** The children a delegation created, shaped as a page (a concrete type a retry can replay). */
  @Schema(
      name = "DelegatedTasks",
      description = "Các việc con vừa tạo, cùng dạng một trang danh sách (không có trang sau).")
  public record DelegatedTasks(
      @Schema(description = "Các việc con đã tạo.") List<TaskResponse> items) {}

  @GET
  @Path("/{id}/due-dates")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listTaskDueDates",
      summary = "Lịch sử hạn",
      description =
          "Mọi hạn mà nhiệm vụ đã có: hạn giao ban đầu, sửa khi chưa bắt đầu, các lần gia hạn được duyệt; cũ trước.")
  public TaskDueDates dueDates(@RestPath UUID id) {
    return new TaskDueDates(tasks.dueDates(id));
  }

  /** The due-date history of a task: not paged (a task has a few). */
  @Schema(name = "TaskDueDates", description = "Lịch sử hạn của một nhiệm vụ.")
  public record TaskDueDates(
      @Schema(description = "Các hạn, cũ trước.") List<DueDateChange> items) {}
}
