package vn.danvan.shared.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.department;
import static vn.danvan.testing.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a browser on another origin sees: CORS for the embedded mode's local development origins,
 * security headers on every answer (errors of every layer included), one language per answer.
 */
@QuarkusTest
class BrowserHeadersTest {

  static final String DEV_ORIGIN = "http://localhost:5173";
  static final String FOREIGN_ORIGIN = "https://evil.example";

  private static List<String> list(String header) {
    return header == null
        ? List.of()
        : Arrays.stream(header.split(",")).map(String::strip).toList();
  }

  private static Response preflight(String origin, String method, String headers) {
    return given()
        .header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", headers)
        .options("/api/v1/tasks");
  }

  private static void assertNoCors(Response response) {
    assertThat(response.headers().asList())
        .noneMatch(h -> h.getName().toLowerCase().startsWith("access-control-"));
  }

  private static void assertSecurityHeaders(Response response) {
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.header("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    // plain HTTP: no HSTS
    assertThat(response.header("Strict-Transport-Security")).isNull();
  }

  // ------------------------------------------------------------------ CORS

  @Test
  void aPreflightFromADevOriginIsAllowed() {
    Response response =
        preflight(
            DEV_ORIGIN,
            "PUT",
            "authorization, content-type, if-match, if-none-match, idempotency-key, accept-language");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(DEV_ORIGIN);
    assertThat(list(response.header("Access-Control-Allow-Methods")))
        .contains("GET", "POST", "PUT", "PATCH", "DELETE");
    assertThat(list(response.header("Access-Control-Allow-Headers")))
        .contains(
            "Authorization",
            "Content-Type",
            "If-Match",
            "If-None-Match",
            "Idempotency-Key",
            "Accept-Language");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
    assertThat(response.headers().getValues("Vary")).contains("Origin");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aPreflightFromAnotherOriginIsRefusedWithoutCorsHeaders() {
    for (String origin : List.of(FOREIGN_ORIGIN, "http://localhost:5174", "null")) {
      Response response = preflight(origin, "POST", "authorization, content-type");
      assertProblem(response, 403, "CORS_ORIGIN_NOT_ALLOWED");
      assertNoCors(response);
      assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    Response english =
        given()
            .header("Origin", FOREIGN_ORIGIN)
            .header("Access-Control-Request-Method", "GET")
            .header("Accept-Language", "en")
            .options(ORG_UNITS);
    assertThat(english.jsonPath().getString("title")).isEqualTo("Origin not allowed");
  }

  @Test
  void anAllowedOriginReadsTheResponseAndItsHeaders() {
    Response response = as("viewer").header("Origin", DEV_ORIGIN).get("/api/v1/me");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(DEV_ORIGIN);
    assertThat(list(response.header("Access-Control-Expose-Headers")))
        .contains("ETag", "Location", "Idempotency-Replayed", "Retry-After");
    assertThat(response.headers().getValues("Vary")).contains("Origin");
  }

  @Test
  void anotherOriginIsServedWithoutCorsHeaders() {
    // the browser withholds the answer; a same-origin page (Swagger UI) sends Origin too
    Response response = as("viewer").header("Origin", FOREIGN_ORIGIN).get("/api/v1/me");
    assertThat(response.statusCode()).isEqualTo(200);
    assertNoCors(response);
  }

  @Test
  void errorsOfEveryLayerCarryCorsAndSecurityHeaders() {
    String longPath = "/api/v1/" + "x".repeat(9000);
    Map<String, Response> answers =
        Map.of(
            "401",
            given().header("Origin", DEV_ORIGIN).get("/api/v1/me"),
            "403",
            as("viewer")
                .header("Origin", DEV_ORIGIN)
                .contentType(ContentType.JSON)
                .body(department(unique("Phòng"), HO_CHI_MINH))
                .post(ORG_UNITS),
            "404",
            as("admin").header("Origin", DEV_ORIGIN).get(ORG_UNITS + "/" + UUID.randomUUID()),
            "405",
            as("admin")
                .header("Origin", DEV_ORIGIN)
                .contentType(ContentType.JSON)
                .body("{}")
                .patch(ORG_UNITS),
            "415",
            as("admin")
                .header("Origin", DEV_ORIGIN)
                .contentType(ContentType.TEXT)
                .body("kind=DEPARTMENT")
                .post(ORG_UNITS),
            "414",
            as("admin").header("Origin", DEV_ORIGIN).get(longPath),
            "400",
            as("admin").header("Origin", DEV_ORIGIN).get(ORG_UNITS + "/not-a-uuid"));
    answers.forEach(
        (status, response) -> {
          assertThat(response.statusCode()).as(status).isEqualTo(Integer.parseInt(status));
          assertThat(response.contentType()).as(status).startsWith("application/problem+json");
          assertSecurityHeaders(response);
          assertThat(response.header("Access-Control-Allow-Origin"))
              .as(status)
              .isEqualTo(DEV_ORIGIN);
        });
  }

  // ------------------------------------------------------------------ security headers

  @Test
  void successfulApiAnswersCarryTheSecurityHeaders() {
    assertSecurityHeaders(as("viewer").get("/api/v1/me"));
    assertSecurityHeaders(as("admin").get(ORG_UNITS));
  }

  @Test
  void anHttpsForwardingHeaderIsIgnoredUnlessProxiesAreTrusted() {
    Response response = as("viewer").header("X-Forwarded-Proto", "https").get("/api/v1/me");
    assertThat(response.header("Strict-Transport-Security")).isNull();
  }

  @Test
  void swaggerUiLoadsUnderItsOwnPolicy() {
    Response page = given().get("/q/swagger-ui/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.asString()).contains("swagger-ui");
    assertThat(page.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    // its scripts and the document it shows load too
    Response script = given().get("/q/swagger-ui/swagger-ui-bundle.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.contentType()).contains("javascript");
    assertThat(given().get("/q/openapi").statusCode()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ one language per answer

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "|vi",
        "*|vi",
        "*;q=0.5, en|en",
        "en-US,en;q=0.9|en",
        "*, en;q=0.5|vi",
        "fr;q=1, en-GB;q=0.8, vi;q=0.5|en",
        "fr, de|vi",
        "vi;q=0, en;q=0|vi",
        "!!garbage;;q=x|vi",
        "en;q=abc|vi"
      })
  void eachAcceptLanguageGivesOneLanguage(String header, String language) {
    Map<String, Object> body = department("", HO_CHI_MINH);
    body.put("kind", "NO_SUCH_KIND");
    var request = as("hcm-manager").contentType(ContentType.JSON).body(body);
    if (header != null) {
      request.header("Accept-Language", header);
    }
    Response response = request.post(ORG_UNITS);
    assertProblem(response, 400, "VALIDATION_FAILED");
    boolean english = language.equals("en");
    assertThat(response.jsonPath().getString("title"))
        .isEqualTo(english ? "Invalid data" : "Dữ liệu không hợp lệ");
    assertThat(response.jsonPath().getString("errors[0].detail"))
        .isEqualTo(english ? "not one of the allowed codes" : "mã không thuộc danh mục cho phép");

    // a bean-validation message (the blank name) speaks the title's language too
    Map<String, Object> blank = department("   ", HO_CHI_MINH);
    var second = as("hcm-manager").contentType(ContentType.JSON).body(blank);
    if (header != null) {
      second.header("Accept-Language", header);
    }
    Response validation = second.post(ORG_UNITS);
    assertProblem(validation, 400, "VALIDATION_FAILED");
    assertThat(validation.jsonPath().getString("errors[0].detail"))
        .isEqualTo(english ? "must not be blank" : "không được để trống");
    assertThat(validation.jsonPath().getString("title"))
        .isEqualTo(english ? "Invalid data" : "Dữ liệu không hợp lệ");
  }

  @Test
  void statisticsLabelsFollowAcceptLanguage() {
    String path = "/api/v1/reception/statistics?from=2020-01-01&groupBy=";
    for (String header : List.of("en", "en-US,en;q=0.9", "*;q=0.5, en")) {
      JsonPath english =
          as("admin").header("Accept-Language", header).get(path + "CONTENT_KIND").jsonPath();
      assertThat(english.getString("total.label")).isEqualTo("Total");
      assertThat(english.getList("items.key")).isNotEmpty();
      for (Map<String, Object> row : english.<Map<String, Object>>getList("items")) {
        assertThat(row.get("label"))
            .isEqualTo(vn.danvan.reception.ContentKind.valueOf((String) row.get("key")).labelEn());
      }
    }
    for (String header : Arrays.asList(null, "*", "vi-VN", "garbage;;")) {
      var request = as("admin");
      if (header != null) {
        request.header("Accept-Language", header);
      }
      JsonPath vietnamese = request.get(path + "CONTENT_KIND").jsonPath();
      assertThat(vietnamese.getString("total.label")).isEqualTo("Tổng cộng");
      assertThat(vietnamese.getString("items.find { it.key == 'COMPLAINT' }.label"))
          .isEqualTo("Khiếu nại");
    }
    JsonPath field = as("admin").header("Accept-Language", "en").get(path + "FIELD").jsonPath();
    for (Map<String, Object> row : field.<Map<String, Object>>getList("items")) {
      assertThat(row.get("label"))
          .isEqualTo(vn.danvan.reception.VisitField.valueOf((String) row.get("key")).labelEn());
    }
    JsonPath outcome = as("admin").header("Accept-Language", "en").get(path + "OUTCOME").jsonPath();
    assertThat(outcome.getList("items.label")).doesNotContain("Chưa ghi kết quả");
    assertThat(outcome.getList("items.label", String.class))
        .allMatch(label -> label.chars().allMatch(c -> c < 128));
    JsonPath months = as("admin").header("Accept-Language", "en").get(path + "MONTH").jsonPath();
    JsonPath thang = as("admin").get(path + "MONTH").jsonPath();
    assertThat(months.getList("items.label", String.class))
        .isNotEmpty()
        .allMatch(label -> label.matches("[A-Z][a-z]+ \\d{4}"));
    assertThat(thang.getList("items.label", String.class))
        .allMatch(label -> label.matches("Tháng \\d{1,2}/\\d{4}"));
  }
}
