package vn.danvan.shared.time;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.http.Responses;
import vn.danvan.shared.security.Roles;

@Path(CalendarResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Lịch làm việc",
    description = "Ngày làm việc, ngày nghỉ lễ, Tết, nghỉ bù, làm bù (Business calendar)")
public class CalendarResource {

  static final String PATH = "/api/v1/calendar";

  @Inject CalendarService calendar;

  @GET
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getCalendarYear",
      summary = "Lịch làm việc của một năm",
      description =
          "Thứ Hai đến thứ Sáu là ngày làm việc, thứ Bảy và Chủ nhật là ngày nghỉ, trừ các ngày được liệt kê:"
              + " ngày lễ, Tết (HOLIDAY, kể cả ngày lễ trùng cuối tuần), nghỉ bù (COMPENSATORY_DAY_OFF), nghỉ hoán"
              + " đổi (SWAPPED_DAY_OFF) và ngày làm bù (SWAPPED_WORKING_DAY). Mọi thời hạn tính theo ngày làm việc"
              + " (tiếp công dân, báo cáo) dùng lịch này.")
  public CalendarYearResponse year(
      @RestQuery @Parameter(description = "Năm (1900–2100; mặc định năm nay).", example = "2026")
          Integer year) {
    return calendar.year(year);
  }

  @GET
  @Path("/days/{date}")
  @RolesAllowed(Roles.READERS)
  @Operation(
      operationId = "getCalendarDay",
      summary = "Xem một ngày được liệt kê",
      description = "Ngày được liệt kê trong lịch, với ETag; ngày không được liệt kê trả 404.")
  public RestResponse<CalendarDayResponse> get(
      @RestPath @Parameter(description = "Ngày (YYYY-MM-DD).", example = "2026-02-16")
          LocalDate date) {
    return Responses.ok(calendar.get(date));
  }

  @PUT
  @Path("/days/{date}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "putCalendarDay",
      summary = "Thêm hoặc sửa một ngày của lịch",
      description =
          "Liệt kê một ngày (201, không gửi If-Match) hoặc sửa ngày đã liệt kê (200, cần If-Match). Nghỉ bù và"
              + " nghỉ hoán đổi chỉ rơi vào ngày thường, làm bù chỉ rơi vào thứ Bảy, Chủ nhật. Được ghi nhật ký"
              + " kiểm toán. Dành cho admin.")
  @APIResponse(responseCode = "200", description = "Đã sửa; ETag trong tiêu đề.")
  @APIResponse(responseCode = "201", description = "Đã thêm; ETag và Location trong tiêu đề.")
  public RestResponse<CalendarDayResponse> put(
      @RestPath @Parameter(description = "Ngày (YYYY-MM-DD).", example = "2026-02-16")
          LocalDate date,
      @RestHeader("If-Match")
          @Parameter(
              description = "ETag của ngày đang sửa; bỏ trống khi thêm ngày mới.",
              example = "\"0\"")
          String ifMatch,
      @Valid @NotNull CalendarDayRequest body) {
    CalendarService.Saved saved = calendar.put(date, ifMatch, body);
    if (!saved.created()) {
      return Responses.ok(saved.day());
    }
    return ResponseBuilder.<CalendarDayResponse>created(URI.create(PATH + "/days/" + date))
        .entity(saved.day())
        .tag(ETags.of(saved.day().version()))
        .build();
  }

  @DELETE
  @Path("/days/{date}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "deleteCalendarDay",
      summary = "Bỏ một ngày khỏi lịch",
      description =
          "Ngày trở lại quy tắc mặc định (thứ Hai đến thứ Sáu làm việc). Cần If-Match; ngày không được liệt kê"
              + " trả 404. Được ghi nhật ký kiểm toán. Dành cho admin.")
  @APIResponse(responseCode = "204", description = "Đã bỏ.")
  public RestResponse<Void> delete(
      @RestPath @Parameter(description = "Ngày (YYYY-MM-DD).", example = "2026-02-16")
          LocalDate date,
      @RestHeader("If-Match") @Parameter(description = "ETag của ngày đang bỏ.", example = "\"0\"")
          String ifMatch) {
    calendar.delete(date, ETags.requireVersion(ifMatch));
    return RestResponse.noContent();
  }
}
