package vn.danvan.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.shared.paging.PageRequest;
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
              + " một giao dịch kết thúc muộn được trả về muộn. Lưu `next` và hỏi lại với `after=next`.")
  public ChangeFeedPage list(
      @RestQuery
          @Parameter(
              description = "Vị trí đã đọc tới (giá trị next lần trước); bỏ trống để đọc từ đầu.")
          String after,
      @RestQuery
          @Parameter(
              description = "Chỉ các loại đối tượng này, phân cách bằng dấu phẩy.",
              example = "ORG_UNIT")
          String types,
      @RestQuery
          @Parameter(description = "Số thay đổi tối đa (1–500, mặc định 50).", example = "500")
          Integer limit) {
    List<String> typeList =
        types == null || types.isBlank()
            ? List.of()
            : Arrays.stream(types.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return feed.read(after, typeList, PageRequest.of(limit, null));
  }
}
