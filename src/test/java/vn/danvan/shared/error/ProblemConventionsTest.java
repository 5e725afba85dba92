package vn.danvan.shared.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertNoInternals;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.createDepartment;
import static vn.danvan.testing.Api.department;
import static vn.danvan.testing.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure answers {@code application/problem+json} with a stable code, the right status and
 * no internals or request values (DESIGN §8).
 */
@QuarkusTest
class ProblemConventionsTest {

  private static Response post(String user, Object body) {
    return as(user).contentType(ContentType.JSON).body(body).post(ORG_UNITS);
  }

  private static List<String> pointers(Response response) {
    return response.jsonPath().getList("errors.pointer", String.class);
  }

  // ------------------------------------------------------------------ request bodies

  @Test
  void malformedJsonIsMalformedJson() {
    Response response = post("admin", "{\"kind\": \"DEPARTMENT\", \"name\": ");
    assertProblem(response, 400, "MALFORMED_JSON");
  }

  @Test
  void numberForAnEnumIsAWrongType() {
    Map<String, Object> body = department(unique("Phòng sai kiểu"), HO_CHI_MINH);
    body.put("kind", 5);
    Response response = post("hcm-manager", body);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/kind");
  }

  @Test
  void digitsForAnEnumAreAnUnknownCode() {
    Map<String, Object> body = department(unique("Phòng sai mã"), HO_CHI_MINH);
    body.put("kind", "4");
    Response response = post("hcm-manager", body);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/kind");
  }

  @Test
  void textForAUuidIsAWrongType() {
    Map<String, Object> body = department(unique("Phòng sai kiểu"), "x");
    Response response = post("hcm-manager", body);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/parentId");
  }

  @Test
  void unknownEnumCodeNamesTheField() {
    Map<String, Object> body = department(unique("Phòng sai mã"), HO_CHI_MINH);
    body.put("kind", "MINISTRY_OF_MAGIC");
    Response response = post("hcm-manager", body);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/kind");
    assertThat(response.jsonPath().getString("errors[0].detail")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankRequiredFieldNamesTheField(String name) {
    Response response = post("hcm-manager", department(name, HO_CHI_MINH));
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/name");
  }

  @Test
  void missingBodyIsAProblem() {
    Response response = as("hcm-manager").contentType(ContentType.JSON).post(ORG_UNITS);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertNoInternals(response.asString());
  }

  @Test
  void tenMegabyteNameIsRefusedWithoutAServerError() {
    String name = "Phòng " + "x".repeat(10 * 1024 * 1024);
    Response response = post("hcm-manager", department(name, HO_CHI_MINH));
    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.jsonPath().getString("code")).isNotBlank();
    assertThat(response.asString()).hasSizeLessThan(10_000).doesNotContain("xxxxxxxxxx");
    assertNoInternals(response.asString());
  }

  @Test
  void bodyAboveTheLimitIsA413Problem() {
    String name = "x".repeat(26 * 1024 * 1024);
    Response response = post("hcm-manager", department(name, HO_CHI_MINH));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.jsonPath().getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void personalDataInAnInvalidRequestIsNotEchoed() {
    String personal = "Nguyễn Văn A 0912345678";
    Map<String, Object> badParent = department(personal, "x");
    Map<String, Object> badKind = department(personal, HO_CHI_MINH);
    badKind.put("kind", personal);
    Map<String, Object> badCode = department(unique("Phòng"), HO_CHI_MINH);
    badCode.put("code", personal);
    Map<String, Object> tooLong = department(personal.repeat(20), HO_CHI_MINH);
    String malformed = "{\"kind\": \"DEPARTMENT\", \"name\": \"" + personal + "\", ";
    for (Object body : List.of(badParent, badKind, badCode, tooLong, malformed)) {
      for (String language : List.of("vi", "en")) {
        Response response =
            as("hcm-manager")
                .header("Accept-Language", language)
                .contentType(ContentType.JSON)
                .body(body)
                .post(ORG_UNITS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.asString())
            .doesNotContain("0912345678")
            .doesNotContain("Nguyễn")
            .doesNotContain("Nguy\\u1ec5n");
      }
    }
  }

  // ------------------------------------------------------------------ parameters

  @Test
  void badUuidInPathIsAnInvalidParameter() {
    Response response = as("admin").get(ORG_UNITS + "/not-a-uuid");
    assertProblem(response, 400, "INVALID_PARAMETER");
    assertThat(pointers(response)).containsExactly("/path/id");
    assertThat(response.jsonPath().getString("errors[0].detail")).isEqualTo("phải là UUID");
  }

  @Test
  void impossibleDateIsAnInvalidParameter() {
    Response response = as("admin").queryParam("asOf", "2024-13-45").get(ORG_UNITS);
    assertProblem(response, 400, "INVALID_PARAMETER");
    assertThat(pointers(response)).containsExactly("/query/asOf");
  }

  @Test
  void anInvalidParameterNamesTheParameterAndItsType() {
    Response response =
        as("admin").header("Accept-Language", "en").queryParam("asOf", "abc").get(ORG_UNITS);
    assertProblem(response, 400, "INVALID_PARAMETER");
    assertThat(pointers(response)).containsExactly("/query/asOf");
    assertThat(response.jsonPath().getString("errors[0].detail"))
        .isEqualTo("must be a date YYYY-MM-DD");
  }

  @Test
  void anUnknownCodeInAQueryNamesTheParameterAndTheCodes() {
    Response response =
        as("admin")
            .header("Accept-Language", "en")
            .queryParam("kind", "NO_SUCH_KIND")
            .get(ORG_UNITS + "/" + HO_CHI_MINH + "/descendants");
    assertProblem(response, 400, "INVALID_PARAMETER");
    assertThat(pointers(response)).containsExactly("/query/kind");
    assertThat(response.jsonPath().getString("errors[0].detail"))
        .startsWith("must be one of the codes: ")
        .contains("DEPARTMENT")
        .doesNotContain("NO_SUCH_KIND");
  }

  @Test
  void theFirstParameterThatDoesNotConvertIsNamed() {
    // a valid date, a bad id in the path: the path is named, not the query
    Response response = as("admin").queryParam("asOf", "2026-01-01").get(ORG_UNITS + "/x/children");
    assertProblem(response, 400, "INVALID_PARAMETER");
    assertThat(pointers(response)).containsExactly("/path/id");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "/api/v1/tasks?orgUnitMode=CHILDREN, 400, VALIDATION_FAILED, /query/orgUnitId",
    "/api/v1/tasks?sort=nowhere, 400, VALIDATION_FAILED, /query/sort",
    "/api/v1/tasks?dueFrom=2026-05-02&dueTo=2026-05-01, 400, VALIDATION_FAILED, /query/dueTo",
    "/api/v1/tasks?orgUnitId=00000000-0000-4000-8000-00000000dead, 422, UNKNOWN_UNIT, /query/orgUnitId",
    "/api/v1/tasks/statistics, 400, VALIDATION_FAILED, /query/orgUnitId",
    "/api/v1/directives?orgUnitMode=DESCENDANTS, 400, VALIDATION_FAILED, /query/issuingUnitId",
    "/api/v1/cases/duplicate-candidates, 400, VALIDATION_FAILED, /query/visitId",
    "/api/v1/reception/statistics?from=2000-01-01&to=2026-01-01, 400, VALIDATION_FAILED, /query/from"
  })
  void aProblemWithAQueryParameterPointsAtTheQuery(
      String uri, int status, String code, String pointer) {
    Response response = as("admin").get(uri);
    assertProblem(response, status, code);
    assertThat(pointers(response)).containsExactly(pointer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "501", "2147483647"})
  void limitOutOfRangeNamesTheLimit(String limit) {
    Response response = as("admin").queryParam("limit", limit).get(ORG_UNITS);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/query/limit");
  }

  @Test
  void limitThatIsNotANumberIsAnInvalidParameter() {
    Response response = as("admin").queryParam("limit", "abc").get(ORG_UNITS);
    assertProblem(response, 400, "INVALID_PARAMETER");
    // a field of the paging @BeanParam
    assertThat(pointers(response)).containsExactly("/query/limit");
    assertThat(response.jsonPath().getString("errors[0].detail")).isEqualTo("phải là số nguyên");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "!!!", "eyJsIjoib3JnLXVuaXRzIn0", "e30"})
  void garbageCursorIsAnInvalidCursor(String cursor) {
    Response response = as("admin").queryParam("cursor", cursor).get(ORG_UNITS);
    assertProblem(response, 400, "INVALID_CURSOR");
  }

  @Test
  void cursorOfAnotherListIsRefused() {
    String next =
        as("admin")
            .queryParam("limit", 1)
            .get(ORG_UNITS)
            .then()
            .statusCode(200)
            .extract()
            .path("next");
    assertThat(next).isNotBlank();
    // the same cursor continues its own list …
    as("admin")
        .queryParam("limit", 1)
        .queryParam("cursor", next)
        .get(ORG_UNITS)
        .then()
        .statusCode(200);
    // … but not the children of a unit, the list of another day, or the change feed
    assertProblem(
        as("admin").queryParam("cursor", next).get(ORG_UNITS + "/" + HO_CHI_MINH + "/children"),
        400,
        "INVALID_CURSOR");
    assertProblem(
        as("admin").queryParam("cursor", next).queryParam("asOf", "2024-01-01").get(ORG_UNITS),
        400,
        "INVALID_CURSOR");
    assertProblem(
        as("admin").queryParam("after", next).get("/api/v1/changes"), 400, "INVALID_CURSOR");
  }

  // ------------------------------------------------------------------ security

  @Test
  void noCredentialsIsUnauthenticated() {
    Response response = given().get(ORG_UNITS);
    assertProblem(response, 401, "UNAUTHENTICATED");
    assertThat(response.header("WWW-Authenticate")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "nobody"})
  void wrongPasswordIsUnauthenticated(String user) {
    Response response = given().auth().preemptive().basic(user, "wrong-password").get(ORG_UNITS);
    assertProblem(response, 401, "UNAUTHENTICATED");
    assertThat(response.header("WWW-Authenticate")).isNotBlank();
  }

  @Test
  void viewerMayNotCreate() {
    Response response = post("viewer", department(unique("Phòng"), HO_CHI_MINH));
    assertProblem(response, 403, "FORBIDDEN");
  }

  // ------------------------------------------------------------------ routing and media types

  @Test
  void unknownIdIsNotFound() {
    assertProblem(as("admin").get(ORG_UNITS + "/" + UUID.randomUUID()), 404, "NOT_FOUND");
  }

  @Test
  void unknownPathIsNotFound() {
    assertProblem(as("admin").get("/api/v1/no-such-resource"), 404, "RESOURCE_NOT_FOUND");
  }

  @Test
  void unsupportedMethodIsMethodNotAllowed() {
    Response response = as("admin").contentType(ContentType.JSON).body("{}").patch(ORG_UNITS);
    assertProblem(response, 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void plainTextBodyIsUnsupportedMediaType() {
    Response response =
        as("admin").contentType(ContentType.TEXT).body("kind=DEPARTMENT").post(ORG_UNITS);
    assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void xmlIsNotAcceptable() {
    Response response = as("admin").accept(ContentType.XML).get(ORG_UNITS);
    assertProblem(response, 406, "NOT_ACCEPTABLE");
  }

  /** As the document says for every operation: a format the operation does not produce is 406. */
  @Test
  void csvIsNotAcceptableFromAJsonOperation() {
    assertProblem(as("admin").accept("text/csv").get("/api/v1/tasks"), 406, "NOT_ACCEPTABLE");
    assertProblem(
        as("admin")
            .accept("text/csv")
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/v1/tasks/" + java.util.UUID.randomUUID() + "/transitions"),
        406,
        "NOT_ACCEPTABLE");
  }

  // ------------------------------------------------------------------ If-Match

  @Test
  void updateNeedsTheCurrentVersion() {
    String id = createDepartment("hcm-manager", unique("Phòng If-Match"), HO_CHI_MINH).path("id");
    String path = ORG_UNITS + "/" + id;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", unique("Phòng đã sửa"));

    assertProblem(
        as("hcm-manager").contentType(ContentType.JSON).body(body).put(path),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(
        as("hcm-manager")
            .contentType(ContentType.JSON)
            .header("If-Match", "\"7\"")
            .body(body)
            .put(path),
        412,
        "PRECONDITION_FAILED");
    assertProblem(
        as("hcm-manager")
            .contentType(ContentType.JSON)
            .header("If-Match", "not-an-etag")
            .body(body)
            .put(path),
        412,
        "INVALID_ETAG");

    Response updated =
        as("hcm-manager")
            .contentType(ContentType.JSON)
            .header("If-Match", "\"0\"")
            .body(body)
            .put(path);
    assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertThat(updated.jsonPath().getString("name")).isEqualTo(body.get("name"));
    assertThat(as("hcm-manager").get(path).header("ETag")).isEqualTo("\"1\"");

    // the same change sent again is a retry: answered with the stored version, nothing written
    Response retried =
        as("hcm-manager")
            .contentType(ContentType.JSON)
            .header("If-Match", "\"0\"")
            .body(body)
            .put(path);
    assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
    assertThat(retried.header("ETag")).isEqualTo("\"1\"");

    // another change based on the version that is now stale
    Map<String, Object> other = new LinkedHashMap<>(body);
    other.put("name", body.get("name") + " (lần hai)");
    assertProblem(
        as("hcm-manager")
            .contentType(ContentType.JSON)
            .header("If-Match", "\"0\"")
            .body(other)
            .put(path),
        412,
        "PRECONDITION_FAILED");
  }

  @Test
  void deleteNeedsTheCurrentVersion() {
    Response created = createDepartment("hcm-manager", unique("Phòng xóa"), HO_CHI_MINH);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.header("Location")).endsWith(ORG_UNITS + "/" + created.path("id"));
    String path = ORG_UNITS + "/" + created.path("id");

    assertProblem(as("hcm-manager").delete(path), 428, "PRECONDITION_REQUIRED");
    assertProblem(
        as("hcm-manager").header("If-Match", "\"3\"").delete(path), 412, "PRECONDITION_FAILED");
    as("hcm-manager").get(path).then().statusCode(200);

    as("hcm-manager").header("If-Match", "\"0\"").delete(path).then().statusCode(204);
    assertProblem(as("hcm-manager").get(path), 404, "NOT_FOUND");
  }

  // ------------------------------------------------------------------ language

  @Test
  void titlesFollowAcceptLanguage() {
    String path = ORG_UNITS + "/" + UUID.randomUUID();
    Response vietnamese = as("admin").get(path);
    Response explicitVietnamese = as("admin").header("Accept-Language", "vi-VN").get(path);
    Response english = as("admin").header("Accept-Language", "en").get(path);
    Response preferredEnglish =
        as("admin").header("Accept-Language", "fr;q=1, en-GB;q=0.8, vi;q=0.5").get(path);

    assertThat(vietnamese.jsonPath().getString("title")).isEqualTo("Không tìm thấy");
    assertThat(explicitVietnamese.jsonPath().getString("title")).isEqualTo("Không tìm thấy");
    assertThat(english.jsonPath().getString("title")).isEqualTo("Not found");
    assertThat(preferredEnglish.jsonPath().getString("title")).isEqualTo("Not found");
    assertThat(english.jsonPath().getString("detail")).contains("org unit");
    assertThat(vietnamese.jsonPath().getString("detail")).contains("đơn vị");
  }

  @Test
  void fieldMessagesFollowAcceptLanguage() {
    Map<String, Object> body = department(unique("Phòng"), HO_CHI_MINH);
    body.put("kind", "NO_SUCH_KIND");
    Response english =
        as("hcm-manager")
            .header("Accept-Language", "en")
            .contentType(ContentType.JSON)
            .body(body)
            .post(ORG_UNITS);
    Response vietnamese =
        as("hcm-manager").contentType(ContentType.JSON).body(body).post(ORG_UNITS);
    assertThat(english.jsonPath().getString("title")).isEqualTo("Invalid data");
    assertThat(vietnamese.jsonPath().getString("title")).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(english.jsonPath().getString("errors[0].detail"))
        .isEqualTo("not one of the allowed codes");
    assertThat(vietnamese.jsonPath().getString("errors[0].detail"))
        .isEqualTo("mã không thuộc danh mục cho phép");
  }
}
