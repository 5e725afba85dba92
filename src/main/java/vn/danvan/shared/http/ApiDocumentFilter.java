package vn.danvan.shared.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Finishes the generated document: every operation accepts both authentication schemes (so that
 * Swagger UI's Authorize works in both run modes), names its roles in {@code x-roles} and in its
 * description, and documents its problem+json error responses.
 */
public class ApiDocumentFilter implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final Map<String, String> ERRORS = new LinkedHashMap<>();

  static {
    ERRORS.put(
        "400",
        "Dữ liệu hoặc tham số không hợp lệ (VALIDATION_FAILED, INVALID_PARAMETER, INVALID_CURSOR,"
            + " MALFORMED_JSON, DUPLICATE_KEY, MALFORMED_MULTIPART…).");
    ERRORS.put("401", "Chưa xác thực (UNAUTHENTICATED).");
    ERRORS.put("403", "Vai trò không được phép (FORBIDDEN).");
    ERRORS.put("404", "Không tồn tại hoặc ngoài phạm vi đơn vị của người gọi (NOT_FOUND).");
    ERRORS.put(
        "406", "Không trả được định dạng nêu trong Accept (NOT_ACCEPTABLE), ví dụ text/csv.");
    ERRORS.put("409", "Xung đột với trạng thái hiện tại (DUPLICATE, IN_USE, ID_TAKEN…).");
    ERRORS.put("412", "If-Match không khớp phiên bản hiện hành (PRECONDITION_FAILED).");
    ERRORS.put(
        "413", "Nội dung hoặc tệp đính kèm quá lớn (PAYLOAD_TOO_LARGE, ATTACHMENT_TOO_LARGE).");
    ERRORS.put(
        "414",
        "Địa chỉ yêu cầu (URI) quá dài (URI_TOO_LONG; giới hạn danvan.http.max-uri-length).");
    ERRORS.put(
        "415",
        "Content-Type không được hỗ trợ (UNSUPPORTED_MEDIA_TYPE), hoặc tệp đính kèm không thuộc loại được nhận"
            + " (ATTACHMENT_TYPE_NOT_ALLOWED).");
    ERRORS.put(
        "422", "Vi phạm quy tắc nghiệp vụ, hoặc Idempotency-Key dùng lại với nội dung khác.");
    ERRORS.put("428", "Thiếu If-Match (PRECONDITION_REQUIRED).");
    ERRORS.put(
        "431",
        "Phần đầu (header) của yêu cầu quá lớn (HEADERS_TOO_LARGE; giới hạn danvan.http.max-header-size).");
    ERRORS.put(
        "429",
        "Tài khoản gửi quá nhiều yêu cầu (TOO_MANY_REQUESTS), hoặc đăng nhập sai quá nhiều lần"
            + " (TOO_MANY_FAILED_LOGINS), hoặc máy chủ đang làm quá nhiều việc nặng cùng loại cùng lúc"
            + " (BUSY, ví dụ tổng hợp báo cáo); thử lại sau số giây trong Retry-After.");
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    pointOidcAtTheConfiguredRealm(openAPI);
    OpenApiSchemas.markRequired(openAPI);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
        finish(e.getKey(), e.getValue());
      }
    }
    OpenApiResponses.finish(openAPI);
    OpenApiLint.apply(openAPI);
    // last: it sees every response the steps above added
    OpenApiExamples.apply(openAPI);
  }

  /**
   * The document is also filtered at run time, so Swagger UI discovers the realm the service is
   * configured with ({@code quarkus.oidc.auth-server-url}), not the one known at build time.
   */
  private static void pointOidcAtTheConfiguredRealm(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
      return;
    }
    SecurityScheme oidc = openAPI.getComponents().getSecuritySchemes().get("oidc");
    ConfigProvider.getConfig()
        .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
        .filter(url -> oidc != null)
        .ifPresent(
            url ->
                oidc.setOpenIdConnectUrl(
                    url.replaceAll("/+$", "") + "/.well-known/openid-configuration"));
  }

  /** {@code ${key}} in {@code @RolesAllowed} names a comma-separated list in configuration. */
  private static List<String> expand(String role) {
    if (!role.startsWith("${") || !role.endsWith("}")) {
      return List.of(role);
    }
    String key = role.substring(2, role.length() - 1);
    return ConfigProvider.getConfig()
        .getOptionalValue(key, String.class)
        .map(
            v ->
                java.util.Arrays.stream(v.split(","))
                    .map(String::trim)
                    .filter(r -> !r.isEmpty())
                    .toList())
        .orElse(List.of(role));
  }

  private static void finish(PathItem.HttpMethod method, Operation op) {
    Set<String> roles = new TreeSet<>();
    if (op.getSecurity() != null) {
      for (SecurityRequirement requirement : op.getSecurity()) {
        if (requirement.getSchemes() != null) {
          requirement
              .getSchemes()
              .values()
              .forEach(list -> list.forEach(r -> roles.addAll(expand(r))));
        }
      }
    }
    boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
    if (secured) {
      op.setSecurity(
          new ArrayList<>(
              List.of(
                  OASFactory.createSecurityRequirement().addScheme("demo"),
                  OASFactory.createSecurityRequirement().addScheme("oidc"))));
      boolean anyone = roles.contains("**") || roles.isEmpty();
      op.addExtension("x-roles", anyone ? List.of("**") : new ArrayList<>(roles));
      String who = anyone ? "mọi người dùng đã xác thực" : String.join(", ", roles);
      op.setDescription(
          (op.getDescription() == null ? "" : op.getDescription() + "\n\n")
              + "Vai trò được phép: "
              + who
              + ".");
    }
    APIResponses responses = op.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      op.setResponses(responses);
    }
    for (Map.Entry<String, String> error : ERRORS.entrySet()) {
      String code = error.getKey();
      // a status the annotations name (e.g. 409 on a DELETE) is a problem too
      boolean applies =
          responses.getAPIResponse(code) != null
              || switch (code) {
                case "401", "403", "429" -> secured;
                case "409", "413", "415" ->
                    method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
                case "422" ->
                    method == PathItem.HttpMethod.POST
                        || method == PathItem.HttpMethod.PUT
                        || OpenApiResponses.namesAUnitOrRegime(op);
                case "412", "428" -> OpenApiResponses.takesHeader(op, "If-Match");
                default -> true;
              };
      if (!applies) {
        continue;
      }
      APIResponse existing = responses.getAPIResponse(code);
      if (existing == null) {
        existing = OASFactory.createAPIResponse();
        responses.addAPIResponse(code, existing);
      }
      if (existing.getContent() == null
          || existing.getContent().getMediaTypes() == null
          || existing.getContent().getMediaTypes().isEmpty()) {
        // the framework's own 401/403 entries carry no body: they are problems too
        existing
            .description(error.getValue())
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
      }
      if (code.equals("429")
          && (existing.getHeaders() == null || !existing.getHeaders().containsKey("Retry-After"))) {
        existing.addHeader(
            "Retry-After",
            OASFactory.createHeader()
                .description("Số giây cần chờ trước khi thử lại.")
                .schema(
                    OASFactory.createSchema()
                        .addType(
                            org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)
                        .minimum(java.math.BigDecimal.ONE)));
      }
    }
  }
}
