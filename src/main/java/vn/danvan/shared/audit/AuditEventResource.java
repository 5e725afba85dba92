package vn.danvan.shared.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Kiểm toán", description = "Nhật ký kiểm toán (Audit trail)")
public class AuditEventResource {

  @Inject AuditEventService events;

  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
  @Operation(
      operationId = "listAuditEvents",
      summary = "Tra cứu nhật ký kiểm toán",
      description =
          "Mọi thay đổi dữ liệu, mới nhất trước, trong phạm vi đơn vị của người gọi: thay đổi trên bản ghi của đơn vị trong"
              + " phạm vi, và mọi thao tác của người dùng thuộc đơn vị trong phạm vi (kể cả trên bản ghi của đơn vị khác)."
              + " Dành cho vai trò auditor và admin.")
  public Page<AuditEventResponse> list(
      @RestQuery
          @Parameter(
              description = "Loại đối tượng.",
              example = "ORG_UNIT",
              schema = @Schema(implementation = EntityType.class))
          String entityType,
      @RestQuery @Parameter(description = "Mã đối tượng.") UUID entityId,
      @RestQuery
          @Parameter(description = "Tên đăng nhập của người thực hiện.", example = "hcm-manager")
          String actor,
      @RestQuery
          @Parameter(
              description = "Từ thời điểm (RFC 3339, bao gồm).",
              example = "2026-01-01T00:00:00+07:00")
          OffsetDateTime from,
      @RestQuery
          @Parameter(
              description = "Đến thời điểm (RFC 3339, không bao gồm).",
              example = "2026-12-31T00:00:00+07:00")
          OffsetDateTime to,
      @BeanParam PageParams page) {
    return events.list(entityType, entityId, actor, from, to, page.toRequest());
  }
}
