package vn.danvan.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Đồng bộ", description = "Luồng thay đổi cho hệ thống tỉnh và quốc gia (Change feed)")
public class ChangeFeedResource {

  @Inject ChangeFeedService feed;

  @GET
  @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
  @Operation(
      operationId = "listChanges",
      summary = "Đọc luồng thay đổi",
      description =
          "Trả về các thay đổi (UPSERT, DELETE) trong phạm vi của người gọi, theo thứ tự, bắt đầu sau vị trí `after`."
              + " Không bao giờ bỏ sót thay đổi, kể cả khi các giao dịch đồng thời kết thúc không theo thứ tự:"
              + " một giao dịch kết thúc muộn được trả về muộn. Lưu `next` (sau khi đã áp dụng lô) và hỏi lại"
              + " với `after=next`; một lô rỗng nghĩa là đã đọc hết lúc này."
              + " Vị trí gồm mã giao dịch 64 bit (xid8, không quay vòng) và số thứ tự: không đổi khi khởi động"
              + " lại hay chạy nhiều bản sao; vị trí của hệ thống khác bị từ chối (400 INVALID_CURSOR)."
              + " Vị trí gắn với bộ lọc types, orgUnitId, orgUnitMode đã tạo ra nó (đổi bộ lọc thì đọc lại từ"
              + " đầu, không có after); include không phải bộ lọc."
              + " include=record đưa nội dung hiện tại của bản ghi vào mỗi thay đổi UPSERT (đã che như người"
              + " gọi được xem), để bên đọc không phải hỏi lại từng bản ghi; DELETE là bia mộ (loại, mã, đơn"
              + " vị). Luồng mang trạng thái mới nhất: áp dụng theo version.")
  public ChangeFeedPage list(
      @RestQuery
          @Parameter(
              description = "Vị trí đã đọc tới (giá trị next lần trước); bỏ trống để đọc từ đầu.")
          String after,
      @RestQuery
          @Parameter(
              description =
                  "Chỉ các loại đối tượng này, phân cách bằng dấu phẩy: ATTACHMENT, CALENDAR_DAY,"
                      + " DIRECTIVE, DIRECTIVE_OBLIGATION, DIRECTIVE_REFERENCE, GOOD_PRACTICE_MODEL,"
                      + " OBLIGATION_DUE_SOON, OBLIGATION_OVERDUE (thông báo nghĩa vụ sắp đến hạn, quá"
                      + " hạn của lịch nghĩa vụ), ORG_UNIT, RECEPTION_CASE,"
                      + " RECEPTION_SESSION, RECEPTION_VISIT, REPORTING_REGIME, REPORT_CONSOLIDATION,"
                      + " REPORT_SUBMISSION, REPORT_TEMPLATE, RESTRUCTURING, TASK, TASK_EXTENSION,"
                      + " TASK_PROGRESS. Loại khác: 400 kèm danh sách hợp lệ.",
              example = "TASK,DIRECTIVE")
          String types,
      @RestQuery
          @Parameter(
              description =
                  "Chỉ các thay đổi của bản ghi thuộc đơn vị này (đơn vị sở hữu lúc thay đổi), trong"
                      + " phạm vi của người gọi; ngoài phạm vi hoặc không tồn tại: 422 UNKNOWN_UNIT.",
              example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description =
                  "Phạm vi theo orgUnitId: chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả"
                      + " cây con; cần orgUnitId.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery
          @Parameter(
              description = "record: kèm nội dung hiện tại của bản ghi trong mỗi thay đổi UPSERT.",
              example = "record")
          String include,
      @RestQuery
          @Parameter(description = "Số thay đổi tối đa (1–500, mặc định 50).", example = "500")
          Integer limit) {
    return feed.read(
        new ChangeFeedService.Request(
            after, types, orgUnitId, orgUnitMode, include, PageRequest.of(limit, null)));
  }
}
