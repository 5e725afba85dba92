package vn.danvan.agenda;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/agenda")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Chương trình công tác",
    description =
        "Mọi nghĩa vụ của đơn vị trong một danh sách: nhiệm vụ chủ trì, kế hoạch triển khai văn bản chỉ"
            + " đạo, báo cáo định kỳ, hạn thụ lý và giải quyết vụ việc, ngày tiếp công dân, đối thoại"
            + " — với bốn tình trạng theo Quyết định 42/2014 (Agenda)")
public class AgendaResource {

  @Inject AgendaService agenda;
  @Inject AgendaSlots slots;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listAgenda",
      summary = "Chương trình công tác: mọi nghĩa vụ theo hạn",
      description =
          "Mọi nghĩa vụ của các đơn vị chọn (orgUnitId + orgUnitMode; bỏ trống: toàn bộ phạm vi của"
              + " người dùng, với quản trị là cả nước), thuộc mọi chức năng: nhiệm vụ do đơn vị chủ"
              + " trì (TASK, như GET /api/v1/tasks?role=LEAD, trừ nhiệm vụ đã hủy và mẫu định kỳ), kế"
              + " hoạch triển khai phải ban hành theo văn bản chỉ đạo (IMPLEMENTING_PLAN, như độ bao"
              + " phủ của văn bản; trừ văn bản bị thu hồi, bị thay thế; văn bản mật chỉ với người được"
              + " đọc), báo cáo định kỳ phải nộp (REPORT, như bảng theo dõi nộp báo cáo của kỳ, các kỳ"
              + " đã bắt đầu trước asOf), và các loại khác khi chức năng của chúng có. Tình trạng tính"
              + " vào ngày asOf (mặc định hôm nay, giờ Việt Nam) theo một quy tắc cho mọi loại. Sắp"
              + " xếp theo hạn, rồi loại, rồi mã; phân trang bằng con trỏ (con trỏ gắn với bộ lọc).")
  public Page<AgendaItem> list(
      @RestQuery
          @Parameter(
              description =
                  "Đơn vị lọc (đơn vị phải thực hiện); đơn vị ngoài phạm vi trả 422 UNKNOWN_UNIT như"
                      + " đơn vị không tồn tại.",
              example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery
          @Parameter(
              description = "Loại nghĩa vụ (lặp lại được, tối đa 9 giá trị); bỏ trống: mọi loại.",
              example = "TASK",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = ObligationKind.class,
                      maxItems = 9))
          List<ObligationKind> kind,
      @RestQuery @Parameter(description = "Tình trạng vào ngày asOf.", example = "OVERDUE")
          ObligationState state,
      @RestQuery @Parameter(description = "Hạn từ ngày.", example = "2026-01-01") LocalDate dueFrom,
      @RestQuery @Parameter(description = "Hạn đến ngày.", example = "2026-12-31") LocalDate dueTo,
      @RestQuery
          @Parameter(
              description = "Ngày tính tình trạng (quá khứ hoặc tương lai); mặc định hôm nay.",
              example = "2026-06-30")
          LocalDate asOf,
      @RestQuery
          @Parameter(
              description = "Sắp xếp: dueDate (mặc định, hạn sớm trước) hoặc -dueDate.",
              example = "dueDate",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"dueDate", "-dueDate"},
                      defaultValue = "dueDate"))
          String sort,
      @BeanParam PageParams page) {
    return slots.run(
        () ->
            agenda.list(
                new AgendaService.Filter(orgUnitId, orgUnitMode, kind, state, dueFrom, dueTo, asOf),
                sort,
                page.toRequest()));
  }

  @GET
  @Path("/summary")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getAgendaSummary",
      summary = "Tổng hợp chương trình công tác theo loại × tình trạng",
      description =
          "Số nghĩa vụ theo loại × bốn tình trạng vào ngày asOf, cùng bộ lọc với danh sách (tổng"
              + " bằng số phần tử của danh sách), nhóm theo đơn vị con trực tiếp của đơn vị chọn"
              + " (CHILD_UNIT, mặc định; không chọn đơn vị: theo tỉnh, thành phố), theo loại (KIND)"
              + " hoặc theo tháng đến hạn (MONTH): tỉnh thấy ngay xã, phường nào đang chậm.")
  public AgendaSummaryResponse summary(
      @RestQuery
          @Parameter(
              description = "Đơn vị chọn; đơn vị ngoài phạm vi trả 422 UNKNOWN_UNIT.",
              example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery
          @Parameter(
              description = "Loại nghĩa vụ (lặp lại được, tối đa 9 giá trị); bỏ trống: mọi loại.",
              example = "TASK",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = ObligationKind.class,
                      maxItems = 9))
          List<ObligationKind> kind,
      @RestQuery @Parameter(description = "Tình trạng vào ngày asOf.", example = "OVERDUE")
          ObligationState state,
      @RestQuery @Parameter(description = "Hạn từ ngày.", example = "2026-01-01") LocalDate dueFrom,
      @RestQuery @Parameter(description = "Hạn đến ngày.", example = "2026-12-31") LocalDate dueTo,
      @RestQuery
          @Parameter(
              description = "Ngày tính tình trạng; mặc định hôm nay.",
              example = "2026-06-30")
          LocalDate asOf,
      @RestQuery
          @Parameter(description = "Cách nhóm (mặc định CHILD_UNIT).", example = "CHILD_UNIT")
          ObligationGrouping groupBy) {
    return slots.run(
        () ->
            agenda.summary(
                new AgendaService.Filter(orgUnitId, orgUnitMode, kind, state, dueFrom, dueTo, asOf),
                groupBy));
  }
}
