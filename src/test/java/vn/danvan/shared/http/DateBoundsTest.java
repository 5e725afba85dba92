package vn.danvan.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.testing.Api;

/**
 * Dates outside 1900-01-01 … 2100-12-31 are refused everywhere, in bodies and in query parameters,
 * with a 400 problem pointing at the field; never accepted, never a 500. The bounds themselves are
 * accepted.
 */
@QuarkusTest
class DateBoundsTest {

  private static final String HCM = DemoAccounts.HO_CHI_MINH.toString();
  private static final String AN_HOI_TAY = DemoAccounts.AN_HOI_TAY.toString();

  static Map<String, Object> directive(String issueDate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "KE_HOACH");
    body.put("symbol", "KH-UBND");
    body.put("issuingUnitId", HCM);
    body.put("issueDate", issueDate);
    body.put("title", Api.unique("Kế hoạch công tác dân vận"));
    return body;
  }

  static Map<String, Object> task(String dueDate) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("title", Api.unique("Báo cáo công tác dân vận của chính quyền"));
    b.put("description", "Báo cáo tình hình thực hiện công tác dân vận của phường.");
    b.put("leadUnitId", AN_HOI_TAY);
    b.put("responsiblePerson", "Chủ tịch UBND phường");
    b.put("dueDate", dueDate);
    b.put("expectedResult", "Báo cáo bằng văn bản");
    return b;
  }

  static Map<String, Object> visit(String receivedAt) {
    Map<String, Object> visitor = new LinkedHashMap<>();
    visitor.put("fullName", "Nguyễn Văn Thử");
    visitor.put("idType", "CCCD");
    visitor.put("idNumber", "079912345678");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", AN_HOI_TAY);
    b.put("receivedAt", receivedAt);
    b.put("visitors", List.of(visitor));
    b.put("contentKind", "PETITION");
    b.put("field", "LAND");
    b.put("summary", "Kiến nghị về việc sửa đường hẻm khu phố 3");
    b.put("outcome", "ACCEPTED_FOR_RESOLUTION");
    return b;
  }

  private static void assertRefused(Response response, String pointer) {
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.jsonPath().getList("errors.pointer"))
        .as(response.asString())
        .contains(pointer);
    assertThat(response.jsonPath().getString("errors[0].detail")).contains("1900-01-01");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01", "+999999999-12-31", "1899-12-31", "2101-01-01"})
  void bodiesRefuseDatesOutOfBounds(String day) {
    assertRefused(
        json("hcm-manager").body(directive(day)).post("/api/v1/directives"), "/issueDate");

    Map<String, Object> nested = directive("2026-01-05");
    nested.put("obligations", Map.of("targets", "RECIPIENTS", "dueDate", day));
    assertRefused(
        json("hcm-manager").body(nested).post("/api/v1/directives"), "/obligations/dueDate");

    assertRefused(json("ward-officer").body(task(day)).post("/api/v1/tasks"), "/dueDate");
    Map<String, Object> assigned = task("2026-12-31");
    assigned.put("assignedOn", day);
    assertRefused(json("ward-officer").body(assigned).post("/api/v1/tasks"), "/assignedOn");

    assertRefused(
        json("reception").body(visit(day + "T08:30:00+07:00")).post("/api/v1/reception-visits"),
        "/receivedAt");

    Map<String, Object> unit = Api.department(Api.unique("Phòng thử"), HCM);
    unit.put("validFrom", day);
    assertRefused(json("admin").body(unit).post(Api.ORG_UNITS), "/validFrom");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01", "+999999999-12-31", "1899-12-31", "2101-01-01"})
  void queryParametersRefuseDatesOutOfBounds(String day) {
    Map<String, Function<RequestSpecification, Response>> calls = new LinkedHashMap<>();
    calls.put("/query/asOf", r -> r.queryParam("asOf", day).get(Api.ORG_UNITS));
    calls.put("/query/asOf ", r -> r.queryParam("asOf", day).get(Api.ORG_UNITS + "/" + HCM));
    calls.put("/query/dueFrom", r -> r.queryParam("dueFrom", day).get("/api/v1/tasks"));
    calls.put("/query/dueTo", r -> r.queryParam("dueTo", day).get("/api/v1/tasks"));
    calls.put(
        "/query/asOf  ",
        r ->
            r.queryParam("orgUnitId", HCM).queryParam("asOf", day).get("/api/v1/tasks/statistics"));
    calls.put("/query/from", r -> r.queryParam("from", day).get("/api/v1/reception-visits"));
    calls.put("/query/to", r -> r.queryParam("to", day).get("/api/v1/reception-sessions"));
    calls.put("/query/issuedFrom", r -> r.queryParam("issuedFrom", day).get("/api/v1/directives"));
    calls.put(
        "/query/from ",
        r -> r.queryParam("from", day + "T00:00:00+07:00").get("/api/v1/audit-events"));
    calls.forEach(
        (pointer, call) -> {
          String user = pointer.startsWith("/query/from ") ? "admin" : "hcm-manager";
          Response response = call.apply(json(user));
          assertRefused(response, pointer.trim());
        });
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    for (String day : List.of("1900-01-01", "2100-12-31")) {
      assertThat(json("hcm-manager").queryParam("asOf", day).get(Api.ORG_UNITS).statusCode())
          .isEqualTo(200);
      Response tasks =
          json("hcm-manager")
              .queryParam("dueFrom", "1900-01-01")
              .queryParam("dueTo", "2100-12-31")
              .get("/api/v1/tasks");
      assertThat(tasks.statusCode()).as(tasks.asString()).isEqualTo(200);
      Response visits =
          json("reception")
              .queryParam("from", "1900-01-01")
              .queryParam("to", "2100-12-31")
              .get("/api/v1/reception-visits");
      assertThat(visits.statusCode()).as(visits.asString()).isEqualTo(200);
    }
    Response task = json("ward-officer").body(task("2100-12-31")).post("/api/v1/tasks");
    assertThat(task.statusCode()).as(task.asString()).isEqualTo(201);

    // an old document of an outside body, with a far plan: recorded as written
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("type", "THONG_BAO");
    old.put("number", 1);
    old.put("symbol", "TB-" + Api.unique("X").replaceAll("[^0-9a-f]", "").substring(0, 8));
    old.put("externalIssuer", "Nha Kinh lược Bắc Kỳ");
    old.put("issueDate", "1900-01-01");
    old.put("title", Api.unique("Thông báo lưu trữ"));
    old.put("obligations", Map.of("targets", "RECIPIENTS", "dueDate", "2100-12-31"));
    Response created = json("admin").body(old).post("/api/v1/directives");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.jsonPath().getString("issueDate")).isEqualTo("1900-01-01");
  }

  @Test
  void aDocumentIsNotIssuedAheadOfToday() {
    LocalDate today = BusinessTime.today(Clock.systemUTC());
    Response draft =
        json("hcm-manager")
            .body(directive(today.plusDays(1).toString()))
            .post("/api/v1/directives");
    assertThat(draft.statusCode()).as(draft.asString()).isEqualTo(201);
    Response refused = issue(draft);
    assertProblem(refused, 422, "ISSUE_DATE_IN_FUTURE");
    assertThat(refused.jsonPath().getString("errors[0].pointer")).isEqualTo("/issueDate");

    Response dated =
        json("hcm-manager").body(directive(today.toString())).post("/api/v1/directives");
    Response issued = issue(dated);
    assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);
    assertThat(issued.jsonPath().getString("issueDate")).isEqualTo(today.toString());
  }

  private static Response issue(Response created) {
    return json("hcm-manager")
        .header("If-Match", "\"" + created.jsonPath().getLong("version") + "\"")
        .body(Map.of("action", "ISSUE"))
        .post("/api/v1/directives/" + created.jsonPath().getString("id") + "/transitions");
  }
}
