package vn.danvan.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import vn.danvan.shared.error.ProblemFactory;
import vn.danvan.shared.http.Idempotency;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageParams;
import vn.danvan.shared.security.Roles;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Nhập dữ liệu hàng loạt",
    description =
        "Nhập hàng loạt đơn vị, chỉ đạo, nhiệm vụ, lượt tiếp công dân, số liệu báo cáo từ hệ thống tỉnh (Bulk import)")
public class ImportResource {

  static final String BASE = "/api/v1/imports";

  static final String JSON_EXAMPLE =
      """
      [
        {"sourceSystem": "HCM-EGOV", "sourceId": "NV-2026-0001", "sourceVersion": 3,
         "title": "Tổ chức đối thoại với Nhân dân phường An Hội Tây",
         "description": "Chủ tịch UBND phường đối thoại với Nhân dân về chỉnh trang đô thị.",
         "leadUnitId": "00000000-0000-4000-8004-000000026882",
         "responsiblePerson": "Chủ tịch UBND phường An Hội Tây",
         "dueDate": "2026-12-31", "expectedResult": "Biên bản hội nghị đối thoại"},
        {"sourceSystem": "HCM-EGOV", "sourceId": "NV-2026-0002", "sourceVersion": 1,
         "title": "Tổng hợp ý kiến cử tri quý II",
         "description": "Tổng hợp ý kiến, kiến nghị của cử tri phường gửi kỳ họp HĐND.",
         "leadUnitId": "00000000-0000-4000-8004-000000026882",
         "responsiblePerson": "Phó Chủ tịch UBND phường An Hội Tây",
         "dueDate": "2026-12-31", "expectedResult": "Báo cáo tổng hợp ý kiến cử tri"}
      ]
      """;

  static final String NDJSON_EXAMPLE =
      """
      {"sourceSystem": "HCM-EGOV", "sourceId": "NV-2026-0001", "sourceVersion": 3, "title": "Tổ chức đối thoại với Nhân dân phường An Hội Tây"}
      {"sourceSystem": "HCM-EGOV", "sourceId": "NV-2026-0002", "sourceVersion": 1, "title": "Tổng hợp ý kiến cử tri quý II"}
      """;

  static final String CSV_EXAMPLE =
      """
      Hệ thống nguồn,Mã nguồn,Phiên bản nguồn,Tiêu đề
      HCM-EGOV,NV-2026-0001,3,Tổ chức đối thoại với Nhân dân phường An Hội Tây
      HCM-EGOV,NV-2026-0002,1,"Tổng hợp ý kiến cử tri quý II, phường Sài Gòn"
      """;

  private static final String LOCATION_DOC = "Địa chỉ của lần nhập: GET để theo dõi tiến độ.";

  @Inject ImportService imports;

  @POST
  @Consumes({MediaType.APPLICATION_JSON, ImportFormat.NDJSON_TYPE, ImportFormat.CSV_TYPE})
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "startImport",
      summary = "Nhập dữ liệu hàng loạt",
      description =
          "Nhập tối đa 100.000 mục của một loại (type) trong một yêu cầu. Mỗi mục có đúng dạng thân của PUT theo mã"
              + " nguồn của loại đó (sourceSystem, sourceId, sourceVersion…) và được ghi theo cùng quy tắc (quyền,"
              + " phạm vi đơn vị, quyền sở hữu của hệ thống nguồn, thứ tự phiên bản nguồn); bản ghi đã có được thay"
              + " thế không cần If-Match. Nội dung: mảng JSON (application/json), mỗi dòng một mục"
              + " (application/x-ndjson), hoặc CSV UTF-8 (text/csv, có thể có BOM, phân cách bằng dấu phẩy, dòng"
              + " đầu là tiêu đề cột tiếng Việt của loại đó; chỉ với loại có khai báo cột, loại khác trả 415)."
              + " Nội dung được đọc dạng luồng, không giữ cả khối trong bộ nhớ; tối đa 200 MB"
              + " (danvan.imports.max-body-size)."
              + " Mục sai (sai kiểu, khóa lặp, U+0000, vi phạm ràng buộc) là lỗi của riêng mục đó với con trỏ"
              + " /items/17/title; chỉ nội dung không đọc được mới trả 400 cho cả lần nhập."
              + " mode=PER_ITEM: mỗi lô (~1.000 mục) một giao dịch, mục lỗi không chặn mục khác. mode=ATOMIC:"
              + " tất cả hoặc không, một mục lỗi thì không ghi gì và lần nhập FAILED kèm danh sách lỗi."
              + " dryRun=true: làm mọi việc rồi hủy giao dịch; kết quả cho biết điều sẽ xảy ra."
              + " Lần nhập nhỏ (≤ 2.000 mục, danvan.imports.sync-threshold) trả 200 kèm kết quả từng mục;"
              + " lớn hơn, hoặc có Prefer: respond-async, trả 202 và Location để theo dõi."
              + " Gửi lại cùng Idempotency-Key với cùng nội dung trả về đúng lần nhập đã tạo (không nhập lần hai);"
              + " cùng khóa với nội dung khác: 422.")
  @APIResponse(
      responseCode = "200",
      description =
          "Lần nhập đồng bộ đã chạy xong (SUCCEEDED hoặc FAILED): số đếm và kết quả từng mục (results).",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportResponse.class)))
  @APIResponse(
      responseCode = "202",
      description =
          "Lần nhập chạy nền (QUEUED): theo dõi ở Location; kết quả từng mục ở …/results khi xong.",
      headers = {
        @Header(
            name = "Location",
            description = LOCATION_DOC,
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Preference-Applied",
            description = "respond-async khi Prefer: respond-async được áp dụng.",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportResponse.class)))
  @APIResponse(
      responseCode = "413",
      description =
          "Nhiều hơn 100.000 mục (TOO_MANY_ITEMS) hoặc nội dung vượt giới hạn kích thước (PAYLOAD_TOO_LARGE).",
      content =
          @Content(
              mediaType = ProblemFactory.PROBLEM_JSON_TYPE,
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @APIResponse(
      responseCode = "415",
      description =
          "Content-Type không phải application/json, application/x-ndjson, text/csv (UNSUPPORTED_MEDIA_TYPE),"
              + " hoặc CSV cho loại không nhận CSV (IMPORT_CSV_NOT_SUPPORTED).",
      content =
          @Content(
              mediaType = ProblemFactory.PROBLEM_JSON_TYPE,
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @APIResponse(
      responseCode = "429",
      description = "Hàng đợi nhập nền đã đầy (IMPORTS_BUSY); thử lại sau.",
      content =
          @Content(
              mediaType = ProblemFactory.PROBLEM_JSON_TYPE,
              schema = @Schema(ref = "#/components/schemas/Problem")))
  public RestResponse<ImportResponse> start(
      @RestQuery
          @Parameter(
              description =
                  "Loại dữ liệu: ORG_UNIT, DIRECTIVE, TASK, RECEPTION_VISIT, REPORT_VALUES (loại không có: 400"
                      + " UNKNOWN_IMPORT_TYPE kèm danh sách mã hợp lệ).",
              required = true,
              example = "TASK")
          String type,
      @RestQuery
          @Parameter(description = "Cách xử lý mục lỗi (mặc định PER_ITEM).", example = "PER_ITEM")
          ImportMode mode,
      @RestQuery
          @Parameter(description = "Chạy thử, không ghi gì (mặc định false).", example = "false")
          Boolean dryRun,
      @RestHeader("Prefer")
          @Parameter(
              description = "respond-async: luôn chạy nền (202) dù lần nhập nhỏ.",
              example = "respond-async")
          String prefer,
      @RestHeader(Idempotency.HEADER)
          @Parameter(
              description =
                  "Khóa chống nhập trùng khi gửi lại: cùng khóa và cùng nội dung trả về lần nhập đã tạo.",
              example = "7c1e4b2a-3f5d-4e6a-9b8c-1d2e3f4a5b6c")
          String idempotencyKey,
      @Context HttpHeaders headers,
      @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    // the document filter gives one array per type (OpenApiImportItems)
                    schema =
                        @Schema(
                            type = SchemaType.ARRAY,
                            implementation = Object.class,
                            description =
                                "Mảng các mục; mỗi mục là thân PUT theo mã nguồn của loại."),
                    examples = @ExampleObject(name = "nhiem-vu", value = JSON_EXAMPLE)),
                @Content(
                    mediaType = ImportFormat.NDJSON_TYPE,
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            description = "Mỗi dòng một mục JSON; dòng trống bị bỏ qua."),
                    examples = @ExampleObject(name = "nhiem-vu", value = NDJSON_EXAMPLE)),
                @Content(
                    mediaType = ImportFormat.CSV_TYPE,
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            description =
                                "CSV UTF-8, dòng đầu là tiêu đề cột tiếng Việt của loại (thứ tự tùy ý)."),
                    examples = @ExampleObject(name = "nhiem-vu", value = CSV_EXAMPLE))
              })
          InputStream body) {
    Locale locale = ProblemFactory.locale(headers);
    if (idempotencyKey == null && headers.getRequestHeaders().containsKey(Idempotency.HEADER)) {
      // sent but empty is refused rather than silently treated as absent
      idempotencyKey = "";
    }
    boolean preferAsync =
        prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
    ImportService.Started started =
        imports.start(
            new ImportService.Start(
                type,
                mode == null ? ImportMode.PER_ITEM : mode,
                Boolean.TRUE.equals(dryRun),
                ImportFormat.of(headers.getMediaType()),
                preferAsync,
                idempotencyKey,
                locale),
            body);
    RestResponse.ResponseBuilder<ImportResponse> response;
    if (started.async()) {
      response =
          RestResponse.ResponseBuilder.<ImportResponse>create(RestResponse.Status.ACCEPTED)
              .location(URI.create(BASE + "/" + started.job().id()));
      if (preferAsync) {
        response.header("Preference-Applied", "respond-async");
      }
    } else {
      response = RestResponse.ResponseBuilder.ok();
    }
    if (started.replayed()) {
      response.header(Idempotency.REPLAYED_HEADER, "true");
    }
    return response.entity(started.job()).build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "getImport",
      summary = "Xem một lần nhập",
      description =
          "Trạng thái (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED), số đếm (total, processed, created, updated,"
              + " unchanged, errors) và thời gian. Chỉ người đã gửi lần nhập và admin thấy nó (người khác: 404)."
              + " Một lần nhập đang chạy khi tiến trình dừng đột ngột được đánh dấu FAILED (INTERRUPTED).")
  @APIResponse(
      responseCode = "200",
      description = "Lần nhập.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportResponse.class)))
  public ImportResponse get(
      @RestPath
          @Parameter(
              description = "Mã định danh lần nhập.",
              example = "6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d")
          UUID id) {
    return imports.get(id);
  }

  @GET
  @Path("/{id}/results")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "listImportResults",
      summary = "Kết quả từng mục của một lần nhập",
      description =
          "Theo thứ tự mục (index), phân trang bằng con trỏ; status=ERROR chỉ lấy mục lỗi. Lần nhập ATOMIC thất bại"
              + " chỉ còn các mục lỗi (không mục nào được ghi). Con trỏ chỉ dùng với đúng bộ lọc đã tạo ra nó.")
  public Page<ImportItemResponse> results(
      @RestPath
          @Parameter(
              description = "Mã định danh lần nhập.",
              example = "6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d")
          UUID id,
      @RestQuery @Parameter(description = "Chỉ các mục có kết quả này.", example = "ERROR")
          ImportOutcome status,
      @BeanParam PageParams page) {
    return imports.results(id, status, page.toRequest());
  }

  @POST
  @Path("/{id}/cancel")
  @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION, Roles.UNIT_MANAGER, Roles.OFFICER})
  @Operation(
      operationId = "cancelImport",
      summary = "Hủy một lần nhập",
      description =
          "Lần nhập đang chờ bị hủy ngay (CANCELLED); lần nhập đang chạy dừng ở ranh giới lô kế tiếp: PER_ITEM giữ"
              + " các lô đã ghi, ATOMIC hủy toàn bộ giao dịch. Lần nhập đã kết thúc: 409 ILLEGAL_TRANSITION.")
  @APIResponse(
      responseCode = "200",
      description = "Lần nhập sau yêu cầu hủy (cancelRequested = true, hoặc đã CANCELLED).",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportResponse.class)))
  public ImportResponse cancel(
      @RestPath
          @Parameter(
              description = "Mã định danh lần nhập.",
              example = "6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d")
          UUID id) {
    return imports.cancel(id);
  }
}
