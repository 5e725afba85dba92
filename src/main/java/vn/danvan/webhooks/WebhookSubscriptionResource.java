package vn.danvan.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Đồng bộ", description = "Luồng thay đổi cho hệ thống tỉnh và quốc gia (Change feed)")
public class WebhookSubscriptionResource {

  static final String BASE = "/api/v1/webhook-subscriptions";

  static final String EXAMPLE =
      """
      {
        "url": "https://dieuhanh.hochiminhcity.gov.vn/webhooks/dan-van",
        "eventTypes": ["TASK", "DIRECTIVE"],
        "orgUnitId": "00000000-0000-4000-8001-000000000079",
        "orgUnitMode": "DESCENDANTS",
        "description": "Bảng điều hành Thành phố Hồ Chí Minh nhận nhiệm vụ và văn bản"
      }
      """;

  private static final String ID_DOC = "Mã đăng ký.";
  private static final String ID_EXAMPLE = "3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f";

  @Inject WebhookSubscriptionService subscriptions;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "listWebhookSubscriptions",
      summary = "Danh sách đăng ký webhook",
      description =
          "Các đăng ký của người gọi (quản trị: mọi đăng ký), theo thời điểm tạo. Không bao giờ có khóa ký.")
  public Page<WebhookSubscriptionResponse> list(@BeanParam PageParams page) {
    return subscriptions.list(page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "createWebhookSubscription",
      summary = "Đăng ký nhận webhook",
      description =
          "Mỗi thay đổi của luồng GET /api/v1/changes trong phạm vi người tạo, đúng loại (eventTypes) và đơn vị"
              + " (orgUnitId, orgUnitMode; ngoài phạm vi: 422 UNKNOWN_UNIT), xảy ra sau khi đăng ký, được gửi"
              + " bằng POST JSON {id, type, operation, entityId, version, unitId, changedAt, record} tới url,"
              + " theo thứ tự của luồng, ít nhất một lần (bên nhận bỏ trùng theo tiêu đề webhook-id). Nội dung"
              + " record như người tạo được xem. Chữ ký theo Standard Webhooks: webhook-signature ="
              + " v1,base64(HMAC-SHA256(khóa, webhook-id.webhook-timestamp.body)), khóa là phần sau whsec_"
              + " giải base64. Khóa ký (secret) chỉ có trong câu trả lời này. Gửi lỗi (không phải 2xx, quá"
              + " giờ) được gửi lại theo thời gian chờ tăng dần; quá số lần tối đa: DEAD. Địa chỉ: chỉ https khi"
              + " chạy với cơ sở dữ liệu ngoài; tên miền được phân giải và địa chỉ nội bộ (loopback, mạng riêng,"
              + " link-local, metadata, CGNAT, multicast) bị từ chối (422 WEBHOOK_TARGET_NOT_ALLOWED, /url) trừ"
              + " khi được cho phép trong cấu hình danvan.webhooks.allowed-targets; kiểm tra lại trước mỗi lần"
              + " gửi. Loại sự kiện là loại đối tượng của luồng: ngoài các bản ghi, OBLIGATION_DUE_SOON và"
              + " OBLIGATION_OVERDUE là thông báo nghĩa vụ sắp đến hạn, quá hạn của lịch nghĩa vụ"
              + " (obligation.due-soon, obligation.overdue), mỗi nghĩa vụ một lần. Loại không có trong"
              + " luồng: 400 /eventTypes/i.")
  @APIResponse(
      responseCode = "201",
      description = "Đã đăng ký; câu trả lời duy nhất có khóa ký (secret).",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của đăng ký.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "ETag",
            description = "Phiên bản bản ghi.",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "Địa chỉ không được phép (WEBHOOK_TARGET_NOT_ALLOWED) hoặc đơn vị ngoài phạm vi.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<WebhookSubscriptionResponse> create(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = WebhookSubscriptionRequest.class),
                      examples = @ExampleObject(name = "bang-dieu-hanh-hcm", value = EXAMPLE)))
          @Valid
          @NotNull
          WebhookSubscriptionRequest body) {
    return Responses.created(BASE, subscriptions.create(body));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "getWebhookSubscription",
      summary = "Xem một đăng ký webhook",
      description =
          "Đăng ký của người gọi (quản trị: mọi đăng ký; của người khác: 404), không có khóa ký.")
  public RestResponse<WebhookSubscriptionResponse> get(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return Responses.ok(subscriptions.get(id));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "deleteWebhookSubscription",
      summary = "Hủy đăng ký webhook",
      description = "Hủy đăng ký và các lần gửi chưa xong của nó; lần gửi đang dở có thể vẫn tới.")
  @APIResponse(responseCode = "204", description = "Đã hủy.")
  public RestResponse<Void> delete(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    subscriptions.delete(id);
    return RestResponse.noContent();
  }

  @GET
  @Path("/{id}/deliveries")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "Các lần gửi của một đăng ký",
      description =
          "Các lần gửi, mới nhất trước, lọc theo trạng thái: số lần đã gửi, lần gửi tới, mã HTTP và lỗi gần"
              + " nhất. Con trỏ chỉ dùng với đúng bộ lọc đã tạo ra nó.")
  public Page<WebhookDeliveryResponse> deliveries(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestQuery @Parameter(description = "Trạng thái.", example = "DEAD")
          WebhookDeliveryStatus status,
      @BeanParam PageParams page) {
    return subscriptions.deliveries(id, status, page.toRequest());
  }

  @POST
  @Path("/{id}/deliveries/{deliveryId}/redeliver")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "redeliverWebhookDelivery",
      summary = "Gửi lại một lần gửi",
      description =
          "Xếp lại thay đổi của lần gửi (thường là DEAD) vào cuối hàng đợi của đăng ký, với cùng mã sự kiện"
              + " (webhook-id) và số lần gửi mới.")
  @APIResponse(
      responseCode = "202",
      description = "Đã xếp hàng; lần gửi mới.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookDeliveryResponse.class)))
  public RestResponse<WebhookDeliveryResponse> redeliver(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestPath
          @Parameter(description = "Mã lần gửi.", example = "7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d")
          UUID deliveryId) {
    return RestResponse.status(
        RestResponse.Status.ACCEPTED, subscriptions.redeliver(id, deliveryId));
  }

  @POST
  @Path("/{id}/replay")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "replayWebhookSubscription",
      summary = "Phát lại từ một vị trí của luồng",
      description =
          "Đưa đăng ký về vị trí after của luồng thay đổi (giá trị next của GET /api/v1/changes; bỏ trống: từ"
              + " đầu luồng): các lần gửi chưa xong bị bỏ và mọi thay đổi sau vị trí đó được gửi lại theo thứ"
              + " tự, với cùng mã sự kiện (webhook-id) như lần trước để bên nhận bỏ trùng. Vị trí sai: 400"
              + " /query/after.")
  public RestResponse<WebhookSubscriptionResponse> replay(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestQuery
          @Parameter(
              description = "Vị trí trong luồng thay đổi (next của GET /api/v1/changes).",
              example = "eyJsIjoiY2hhbmdlcyIsImsiOlsiNzg5IiwiMTIiXX0")
          String after) {
    return Responses.ok(subscriptions.replay(id, after));
  }
}
