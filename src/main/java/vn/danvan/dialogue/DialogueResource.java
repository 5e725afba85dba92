package vn.danvan.dialogue;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

@Path("/api/v1/dialogues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Đối thoại với Nhân dân",
    description =
        "Hội nghị đối thoại giữa chính quyền cấp xã với Nhân dân: kế hoạch, thông báo, tổ chức,"
            + " công khai kết quả và thời hạn của từng bước (Grassroots dialogues)")
public class DialogueResource {

  static final String BASE = "/api/v1/dialogues";

  /** The legal basis, as the operations state it. */
  static final String LEGAL =
      " Căn cứ: Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Nghị định 59/2023/NĐ-CP và Luật Tổ"
          + " chức chính quyền địa phương số 72/2025/QH15 (Điều 43): chính quyền cấp xã tổ chức hội"
          + " nghị đối thoại với Nhân dân ít nhất mỗi năm một lần hoặc khi ít nhất 10% tổng số cử"
          + " tri của xã đề nghị; thông báo thời gian, địa điểm, nội dung chậm nhất 07 ngày trước"
          + " ngày tổ chức; công khai kết quả chậm nhất 10 ngày kể từ ngày tổ chức. Các số ngày"
          + " là ngày theo lịch (không phải ngày làm việc) và theo cấu hình (danvan.dialogues.*);"
          + " hạn công khai kết quả rơi vào ngày nghỉ thì lùi sang ngày làm việc kế tiếp (Bộ luật"
          + " Dân sự 2015, Điều 148), hạn thông báo thì không lùi.";

  private static final String ETAG_DOC = "Phiên bản bản ghi của hội nghị (dùng cho If-Match).";
  private static final String ID_DOC = "Mã hội nghị đối thoại.";
  private static final String ID_EXAMPLE = "00000000-0000-4e1a-9031-000000000001";
  private static final String WRITERS =
      " Ghi: quản trị, lãnh đạo đơn vị, cán bộ trong phạm vi (người xem chỉ đọc: 403).";

  @Inject DialogueService dialogues;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listDialogues",
      summary = "Danh sách hội nghị đối thoại",
      description =
          "Các hội nghị của các đơn vị trong phạm vi, ngày dự kiến muộn nhất trước. Lọc theo đơn"
              + " vị (orgUnitId kèm orgUnitMode; ngoài phạm vi hoặc không tồn tại: 422"
              + " UNKNOWN_UNIT), trạng thái, năm và khoảng ngày dự kiến; q tìm không phân biệt dấu"
              + " và hoa thường trong chủ đề. Con trỏ chỉ dùng với đúng các bộ lọc đã tạo ra nó.")
  public Page<DialogueResponse> list(
      @RestQuery
          @Parameter(description = "Đơn vị.", example = "00000000-0000-4000-8004-000000026882")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây con.",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Trạng thái.", example = "HELD") DialogueStatus status,
      @RestQuery @Parameter(description = "Năm của ngày dự kiến.", example = "2026") Integer year,
      @RestQuery @Parameter(description = "Ngày dự kiến từ.", example = "2026-01-01")
          LocalDate plannedFrom,
      @RestQuery @Parameter(description = "Ngày dự kiến đến.", example = "2026-12-31")
          LocalDate plannedTo,
      @RestQuery
          @Parameter(
              description = "Từ khóa trong chủ đề (không phân biệt dấu, hoa thường).",
              example = "chinh trang do thi")
          String q,
      @BeanParam PageParams page) {
    return dialogues.list(
        new DialogueQuery(orgUnitId, orgUnitMode, status, year, plannedFrom, plannedTo, q),
        page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "createDialogue",
      summary = "Lên kế hoạch hội nghị đối thoại",
      description =
          "Tạo hội nghị ở trạng thái PLANNED. Đơn vị phải là đơn vị cấp xã (xã, phường, đặc khu)"
              + " tồn tại vào ngày dự kiến và trong phạm vi người gọi (422 UNKNOWN_UNIT; đơn vị"
              + " khác cấp xã: 400). Mỗi nhiệm vụ trong taskIds phải xem được (422 UNKNOWN_TASK với"
              + " con trỏ /taskIds/i). Gửi Idempotency-Key để thử lại an toàn."
              + WRITERS
              + LEGAL)
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; Location là địa chỉ của hội nghị, ETag là phiên bản bản ghi.",
      headers = {
        @Header(
            name = "Location",
            description = "Địa chỉ của hội nghị mới.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DialogueResponse.class)))
  public RestResponse<DialogueResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "7a2c9e10-3b4d-4f5e-8a6b-1c2d3e4f5a6b")
          String idempotencyKey,
      @Valid @NotNull DialogueRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        DialogueResponse.class,
        () -> Responses.created(BASE, dialogues.create(body)));
  }

  @GET
  @Path("/compliance")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getDialogueCompliance",
      summary = "Việc thực hiện đối thoại của các đơn vị cấp xã",
      description =
          "Với từng đơn vị cấp xã được chọn (tồn tại vào ngày asOf nếu cùng năm, nếu không vào"
              + " 31/12 của năm): số hội nghị đã tổ chức trong năm đến ngày asOf, nghĩa vụ đối"
              + " thoại ít nhất một lần trong năm (hạn 31/12, hoàn thành vào ngày tổ chức hội nghị"
              + " đầu tiên), số thông báo và số lần công khai kết quả đến hạn trong năm và số trễ"
              + " hạn (đã làm trễ hoặc quá hạn chưa làm), cùng tổng. Mặc định: mọi đơn vị cấp xã"
              + " trong phạm vi, orgUnitMode DESCENDANTS, năm của asOf, asOf hôm nay. Đơn vị ngoài"
              + " phạm vi hoặc không tồn tại: 422 UNKNOWN_UNIT."
              + LEGAL)
  public DialogueComplianceResponse compliance(
      @RestQuery
          @Parameter(description = "Đơn vị.", example = "00000000-0000-4000-8001-000000000079")
          UUID orgUnitId,
      @RestQuery
          @Parameter(
              description = "Đơn vị đó, đơn vị con trực tiếp, hoặc cả cây con (mặc định).",
              example = "DESCENDANTS")
          OrgUnitMode orgUnitMode,
      @RestQuery @Parameter(description = "Năm (mặc định năm của asOf).", example = "2026")
          Integer year,
      @RestQuery
          @Parameter(
              description = "Ngày tính tình trạng (mặc định hôm nay).",
              example = "2026-11-30")
          LocalDate asOf) {
    return dialogues.compliance(orgUnitId, orgUnitMode, year, asOf);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getDialogue",
      summary = "Xem một hội nghị đối thoại",
      description =
          "Hội nghị và các thời hạn (thông báo, công khai kết quả) với tình trạng hôm nay. Ngoài"
              + " phạm vi: 404 như không tồn tại.")
  @APIResponse(
      responseCode = "200",
      description = "Hội nghị; ETag là phiên bản bản ghi.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DialogueResponse.class)))
  public RestResponse<DialogueResponse> get(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id) {
    return Responses.ok(dialogues.get(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "updateDialogue",
      summary = "Sửa kế hoạch hội nghị đối thoại",
      description =
          "Thay toàn bộ kế hoạch với cùng các kiểm tra như khi tạo. Đổi đơn vị chỉ khi còn PLANNED;"
              + " đổi ngày dự kiến chỉ trước khi tổ chức (các hạn được tính lại); hội nghị đã hủy"
              + " không sửa được: 409 ILLEGAL_TRANSITION. Cần If-Match (thiếu: 428, không khớp:"
              + " 412)."
              + WRITERS)
  @APIResponse(
      responseCode = "200",
      description = "Đã sửa; ETag là phiên bản bản ghi mới.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DialogueResponse.class)))
  public RestResponse<DialogueResponse> update(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi đang sửa.", example = "\"0\"")
          String ifMatch,
      @Valid @NotNull DialogueRequest body) {
    return Responses.ok(dialogues.update(id, ETags.requireVersion(ifMatch), body));
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "transitionDialogue",
      summary = "Thông báo, ghi kết quả tổ chức, công khai kết quả hoặc hủy hội nghị",
      description =
          "ANNOUNCE (PLANNED → ANNOUNCED): ngày thông báo, hình thức. HOLD (ANNOUNCED → HELD): ngày"
              + " tổ chức (không trước ngày thông báo), người chủ trì, số người dự, các ý kiến và"
              + " trả lời; hạn công khai kết quả tính lại từ ngày tổ chức. PUBLISH_RESULTS (HELD →"
              + " RESULTS_PUBLISHED): ngày công khai (không trước ngày tổ chức), văn bản thông báo"
              + " kết quả trong sổ văn bản, phải xem được (422 UNKNOWN_DIRECTIVE). CANCEL (PLANNED"
              + " hoặc ANNOUNCED → CANCELLED): lý do. Ngày ghi sự việc không được sau hôm nay; thiếu"
              + " trường hoặc có trường của thao tác khác: 400 với con trỏ. Thao tác không hợp với"
              + " trạng thái: 409 ILLEGAL_TRANSITION. Cần If-Match (thiếu: 428, không khớp: 412)."
              + WRITERS)
  @APIResponse(
      responseCode = "200",
      description = "Đã chuyển trạng thái; ETag là phiên bản bản ghi mới.",
      headers =
          @Header(
              name = "ETag",
              description = ETAG_DOC,
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DialogueResponse.class)))
  public RestResponse<DialogueResponse> transition(
      @RestPath @Parameter(description = ID_DOC, example = ID_EXAMPLE) UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản bản ghi hiện tại.", example = "\"0\"")
          String ifMatch,
      @Valid @NotNull DialogueTransitionRequest body) {
    return Responses.ok(dialogues.transition(id, ETags.requireVersion(ifMatch), body));
  }
}
