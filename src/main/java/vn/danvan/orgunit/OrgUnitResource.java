package vn.danvan.orgunit;

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
import java.time.LocalDate;
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
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;

@Path(OrgUnitResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Đơn vị", description = "Cây đơn vị theo thời gian, sắp xếp đơn vị (Org units)")
public class OrgUnitResource {

  static final String PATH = "/api/v1/org-units";

  @Inject OrgUnitService units;
  @Inject RestructuringService restructurings;
  @Inject Idempotency idempotency;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listOrgUnits",
      summary = "Danh sách đơn vị",
      description =
          "Các đơn vị tồn tại vào ngày asOf trong phạm vi của người gọi, sắp theo tên. q tìm không phân biệt dấu và hoa thường"
              + " trên tên, tên ngắn và mã: `go vap` tìm thấy `Gò Vấp`.")
  public Page<OrgUnitResponse> list(
      @RestQuery
          @Parameter(description = "Từ khóa (không phân biệt dấu, hoa thường).", example = "go vap")
          String q,
      @RestQuery @Parameter(description = "Loại đơn vị.", example = "COMMUNE") OrgUnitKind kind,
      @RestQuery @Parameter(description = "Chỉ các đơn vị con trực tiếp của đơn vị này.")
          UUID parentId,
      @RestQuery @Parameter(description = "Mã chính thức.", example = "79") String code,
      @RestQuery
          @Parameter(description = "Ngày tra cứu (mặc định hôm nay).", example = "2024-01-01")
          LocalDate asOf,
      @BeanParam PageParams page) {
    return units.list(
        new OrgUnitService.ListFilter(q, kind, parentId, code, asOf), page.toRequest());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER})
  @Operation(
      operationId = "createOrgUnit",
      summary = "Tạo đơn vị",
      description =
          "Tạo một đơn vị trong phạm vi của người gọi (unit-manager không tạo được cấp tỉnh hay trung ương;"
              + " chỉ admin chọn được id, 403; các vai trò khác tạo với id tự chọn bằng PUT)."
              + " Gửi Idempotency-Key để thử lại an toàn.")
  @APIResponse(
      responseCode = "201",
      description = "Đã tạo; ETag và Location trong tiêu đề.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrgUnitResponse.class)))
  public RestResponse<OrgUnitResponse> create(
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description = "Khóa chống tạo trùng khi gửi lại.",
              example = "3b1f5c1e-7d1a-4f7e-9b0c-2a6f3d8e9c10")
          String idempotencyKey,
      @Valid @NotNull CreateOrgUnitRequest body) {
    return idempotency.run(
        idempotencyKey,
        body,
        OrgUnitResponse.class,
        () -> Responses.created(PATH, units.create(body)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getOrgUnit",
      summary = "Xem một đơn vị",
      description =
          "Đơn vị như vào ngày asOf (tên, mã, cấp trên của ngày đó). Đơn vị ngoài phạm vi trả 404 như đơn vị không tồn tại.")
  public RestResponse<OrgUnitResponse> get(
      @RestPath UUID id,
      @RestQuery
          @Parameter(description = "Ngày tra cứu (mặc định hôm nay).", example = "2024-01-01")
          LocalDate asOf) {
    return Responses.ok(units.get(id, asOf));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.INTEGRATION})
  @Operation(
      operationId = "updateOrgUnit",
      summary = "Tạo hoặc sửa sai sót đơn vị (upsert)",
      description =
          "Với id chưa có: tạo đơn vị với id do bên gọi chọn (201, Location, ETag; cần kind và parentId, như tạo đơn vị)."
              + " Với id đã có: sửa sai sót tên, tên ngắn, mã của phiên bản hiện hành (không tạo lịch sử); kind, parentId,"
              + " validFrom nếu gửi phải bằng giá trị đang lưu (409 RESTRUCTURING_REQUIRED: đổi bằng sắp xếp đơn vị)."
              + " Cần If-Match (thiếu: 428, không khớp: 412), trừ khi nội dung không đổi (gửi lại: 200 với phiên bản đang lưu,"
              + " không ghi gì) hoặc hệ thống nguồn sở hữu đơn vị gửi sourceVersion mới hơn. If-None-Match: * chỉ tạo mới"
              + " (đã có: 412 ALREADY_EXISTS). Đơn vị do hệ thống nguồn đẩy vào chỉ hệ thống đó hoặc admin sửa được"
              + " (409 OWNED_BY_SOURCE); sourceVersion cũ hơn bản đang lưu: 409 SOURCE_VERSION_CONFLICT."
              + " unit-manager và integration chỉ tạo dưới đơn vị trong phạm vi (không tạo cấp tỉnh, trung ương) và chỉ sửa"
              + " đơn vị ở dưới đơn vị của mình (403). Đổi tên có hiệu lực từ một ngày là một lần sắp xếp (RENAME).")
  @APIResponse(responseCode = "200", description = "Đã sửa, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<OrgUnitResponse> update(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang sửa.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(description = "`*`: chỉ tạo mới, không sửa bản ghi đã có.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull OrgUnitUpsertRequest body) {
    return units.upsert(id, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(PATH);
  }

  @PUT
  @Path("/by-source/{sourceSystem}/{sourceId}")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
  @Operation(
      operationId = "upsertOrgUnitBySource",
      summary = "Tạo hoặc sửa đơn vị theo khóa nguồn",
      description =
          "Như PUT /api/v1/org-units/{id}, nhưng đơn vị được xác định bằng khóa của hệ thống nguồn; tạo mới thì hệ thống"
              + " sinh id (Location). Chỉ hệ thống nguồn đó (tài khoản tích hợp có source_system tương ứng) hoặc admin"
              + " (403 SOURCE_SYSTEM_NOT_YOURS). sourceVersion trong nội dung xếp thứ tự các lần đẩy: mới hơn thì thay"
              + " thế không cần If-Match, bằng và cùng nội dung thì 200 không đổi, cũ hơn thì 409 SOURCE_VERSION_CONFLICT"
              + " kèm phiên bản đang lưu (current).")
  @APIResponse(responseCode = "200", description = "Đã sửa, hoặc không có gì thay đổi; ETag.")
  @APIResponse(responseCode = "201", description = "Đã tạo; ETag và Location trong tiêu đề.")
  public RestResponse<OrgUnitResponse> upsertBySource(
      @RestPath
          @Parameter(
              description = "Mã hệ thống nguồn (chữ, số, . _ -; tối đa 64).",
              example = "HCM-EGOV")
          String sourceSystem,
      @RestPath @Parameter(description = "Mã đơn vị trong hệ thống nguồn.", example = "DV-26882")
          String sourceId,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang sửa.", example = "\"0\"")
          String ifMatch,
      @RestHeader("If-None-Match")
          @Parameter(description = "`*`: chỉ tạo mới, không sửa bản ghi đã có.", example = "*")
          String ifNoneMatch,
      @Valid @NotNull OrgUnitUpsertRequest body) {
    SourceKey key = SourceKey.ofPath(sourceSystem, sourceId);
    return units.upsertBySource(key, Preconditions.of(ifMatch, ifNoneMatch), body).toResponse(PATH);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.UNIT_MANAGER, Roles.INTEGRATION})
  @Operation(
      operationId = "deleteOrgUnit",
      summary = "Xóa đơn vị nhập nhầm",
      description =
          "Chỉ xóa được đơn vị chưa có lịch sử (không có đơn vị con, không có quan hệ kế thừa, không được tham chiếu); nếu không: 409."
              + " Như sửa sai sót: admin, hoặc unit-manager, integration với đơn vị ở dưới đơn vị của mình (403);"
              + " đơn vị do hệ thống nguồn đẩy vào: chỉ hệ thống đó hoặc admin (409 OWNED_BY_SOURCE). Cần If-Match.")
  @APIResponse(responseCode = "204", description = "Đã xóa.")
  @APIResponse(
      responseCode = "409",
      description =
          "Đơn vị đã có lịch sử hoặc được tham chiếu (IN_USE), hoặc do hệ thống nguồn quản lý (OWNED_BY_SOURCE).",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public RestResponse<Void> delete(
      @RestPath UUID id,
      @RestHeader("If-Match")
          @Parameter(description = "ETag của phiên bản đang xóa.", example = "\"0\"")
          String ifMatch) {
    units.delete(id, ETags.requireVersion(ifMatch));
    return RestResponse.noContent();
  }

  @GET
  @Path("/{id}/children")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listOrgUnitChildren",
      summary = "Đơn vị con trực tiếp",
      description = "Các đơn vị con trực tiếp vào ngày asOf, sắp theo tên.")
  public Page<OrgUnitResponse> children(
      @RestPath UUID id,
      @RestQuery
          @Parameter(description = "Ngày tra cứu (mặc định hôm nay).", example = "2024-01-01")
          LocalDate asOf,
      @BeanParam PageParams page) {
    return units.children(id, asOf, page.toRequest());
  }

  @GET
  @Path("/{id}/descendants")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listOrgUnitDescendants",
      summary = "Toàn bộ cây con",
      description = "Mọi đơn vị bên dưới vào ngày asOf (lọc theo loại), sắp theo tên.")
  public Page<OrgUnitResponse> descendants(
      @RestPath UUID id,
      @RestQuery
          @Parameter(description = "Ngày tra cứu (mặc định hôm nay).", example = "2024-01-01")
          LocalDate asOf,
      @RestQuery @Parameter(description = "Chỉ loại đơn vị này.", example = "COMMUNE")
          OrgUnitKind kind,
      @BeanParam PageParams page) {
    return units.descendants(id, asOf, kind, page.toRequest());
  }

  @GET
  @Path("/{id}/ancestors")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "listOrgUnitAncestors",
      summary = "Chuỗi đơn vị cấp trên",
      description = "Từ gốc xuống tới cấp trên trực tiếp, vào ngày asOf.")
  public Page<OrgUnitResponse> ancestors(
      @RestPath UUID id,
      @RestQuery
          @Parameter(description = "Ngày tra cứu (mặc định hôm nay).", example = "2024-01-01")
          LocalDate asOf,
      @BeanParam PageParams page) {
    return units.ancestors(id, asOf, page.toRequest());
  }

  @GET
  @Path("/{id}/lineage")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getOrgUnitLineage",
      summary = "Tiền thân và kế thừa",
      description =
          "Các đơn vị tiền thân và kế thừa trực tiếp, với loại quan hệ (FULL, PART) và ngày hiệu lực.")
  public LineageResponse lineage(@RestPath UUID id) {
    return units.lineage(id);
  }

  @POST
  @Path("/restructurings")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "restructureOrgUnits",
      summary = "Sắp xếp đơn vị",
      description =
          "MERGE, SPLIT, RENAME, MOVE hoặc DISSOLVE, áp dụng nguyên tử từ ngày hiệu lực: trước ngày đó cây cũ trả lời, từ ngày đó cây mới."
              + " Lịch sử không bị ghi đè; việc còn dở của đơn vị chấm dứt được chuyển cho đơn vị kế thừa."
              + " dryRun=true trả kết quả dự kiến mà không ghi gì.")
  @APIResponse(responseCode = "201", description = "Đã áp dụng.")
  @APIResponse(responseCode = "200", description = "Kết quả dự kiến (dryRun).")
  public RestResponse<RestructuringResponse> restructure(
      @RestHeader(Idempotency.HEADER)
          @Parameter(description = "Khóa chống áp dụng trùng khi gửi lại.")
          String idempotencyKey,
      @RestQuery @Parameter(description = "Chỉ mô phỏng, không ghi.", example = "true")
          boolean dryRun,
      @Valid @NotNull RestructuringRequest body) {
    if (dryRun) {
      return RestResponse.ok(restructurings.restructure(body, true));
    }
    return idempotency.run(
        idempotencyKey,
        body,
        RestructuringResponse.class,
        () ->
            RestResponse.status(
                RestResponse.Status.CREATED, restructurings.restructure(body, false)));
  }
}
