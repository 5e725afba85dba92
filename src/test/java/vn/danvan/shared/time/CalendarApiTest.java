package vn.danvan.shared.time;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The business calendar over HTTP: a year's listed days, an admin's corrections (ETag, If-Match,
 * audit event and feed entry in one transaction), refusals, and the SQL functions for later SQL.
 */
@QuarkusTest
class CalendarApiTest {

  static final String CALENDAR = "/api/v1/calendar";
  static final String DAY = "2036-03-12"; // a Wednesday no other test uses

  @Inject DataSource dataSource;
  @Inject BusinessCalendar calendar;

  static Map<String, Object> body(String kind, String name) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("kind", kind);
    b.put("name", name);
    b.put("nameEn", "Test day");
    b.put("legalBasis", "Quyết định thử nghiệm");
    return b;
  }

  /** Unlists {@code day} when a test left it listed. */
  static void unlist(String day) {
    Response r = as("admin").get(CALENDAR + "/days/" + day);
    if (r.statusCode() == 200) {
      as("admin")
          .header("If-Match", r.header("ETag"))
          .delete(CALENDAR + "/days/" + day)
          .then()
          .statusCode(204);
    }
  }

  @AfterEach
  void cleanUp() {
    unlist(DAY);
  }

  private static JsonPath item(JsonPath year, String date) {
    return new JsonPath(year.prettify()).setRootPath("items.find { it.date == '" + date + "' }");
  }

  @Test
  void aYearListsItsDaysOffAndSwappedWorkingDays() {
    Response r = as("viewer").queryParam("year", 2023).get(CALENDAR);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonPath y = r.jsonPath();
    assertThat(y.getInt("year")).isEqualTo(2023);
    assertThat(y.getList("items.date", String.class))
        .contains("2023-01-20", "2023-01-23", "2023-01-26", "2023-05-02", "2023-09-04")
        .isSorted();
    JsonPath tet = item(y, "2023-01-20");
    assertThat(tet.getString("kind")).isEqualTo("HOLIDAY");
    assertThat(tet.getString("name")).isEqualTo("Tết Nguyên đán");
    assertThat(tet.getBoolean("workingDay")).isFalse();
    assertThat(tet.getString("legalBasis")).isNotBlank();
    assertThat(item(y, "2023-09-04").getString("kind")).isEqualTo("COMPENSATORY_DAY_OFF");
    assertThat(y.getInt("workingDays")).isEqualTo(calendar.snapshot().workingDaysIn(2023));

    JsonPath y2025 = as("reception").queryParam("year", 2025).get(CALENDAR).jsonPath();
    assertThat(item(y2025, "2025-04-26").getString("kind")).isEqualTo("SWAPPED_WORKING_DAY");
    assertThat(item(y2025, "2025-04-26").getBoolean("workingDay")).isTrue();
    assertThat(item(y2025, "2025-05-02").getString("kind")).isEqualTo("SWAPPED_DAY_OFF");

    // without a year: this year's
    assertThat(as("viewer").get(CALENDAR).jsonPath().getInt("year"))
        .isEqualTo(LocalDate.now(BusinessTime.ZONE).getYear());
    // a year no test writes days in (imports: the 2060s and 2070s; the feed's tests: the 2090s)
    assertThat(as("viewer").queryParam("year", 2085).get(CALENDAR).jsonPath().getList("items"))
        .isEmpty();
  }

  @Test
  void theSqlFunctionsAgreeWithTheCalendar() throws Exception {
    WorkingDays days = calendar.snapshot();
    List<String> wrong = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select d::date, danvan_is_working_day(d::date) from generate_series("
                    + "date '2019-12-01', date '2028-01-31', interval '1 day') d")) {
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          LocalDate d = rs.getObject(1, LocalDate.class);
          if (rs.getBoolean(2) != days.isWorkingDay(d)) {
            wrong.add(d.toString());
          }
        }
      }
      try (PreparedStatement add =
          c.prepareStatement(
              "select danvan_add_working_days(date '2023-01-19', 7),"
                  + " danvan_add_working_days(date '2023-02-06', -7),"
                  + " danvan_add_working_days(date '2025-04-25', 1),"
                  + " danvan_add_working_days(date '2025-04-26', 0)")) {
        try (ResultSet rs = add.executeQuery()) {
          rs.next();
          assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2023, 2, 6));
          assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2023, 1, 19));
          assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2025, 4, 26));
          assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2025, 4, 26));
        }
      }
    }
    assertThat(wrong).isEmpty();
    // the database holds what the migration seeds
    assertThat(days.listed().values())
        .filteredOn(d -> d.date().getYear() <= 2027)
        .containsExactlyElementsOf(
            SeededCalendar.days().stream()
                .sorted(java.util.Comparator.comparing(CalendarDay::date))
                .toList());
  }

  /** (action, whether the feed has the entry of the same transaction) of a day's audit events. */
  private List<String> trail(String id) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select a.action, exists (select 1 from change_log l where l.txid = a.txid"
                    + " and l.entity_type = a.entity_type and l.entity_id = a.entity_id"
                    + " and l.operation = case a.action when 'DELETE' then 'DELETE' else 'UPSERT' end)"
                    + " from audit_event a where a.entity_type = 'CALENDAR_DAY'"
                    + " and a.entity_id = cast(? as uuid) order by a.txid")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + (rs.getBoolean(2) ? "+feed" : "-nofeed"));
        }
      }
    }
    return out;
  }

  @Test
  void anAdminListsCorrectsAndUnlistsADay() throws Exception {
    String path = CALENDAR + "/days/" + DAY;
    LocalDate day = LocalDate.parse(DAY);
    assertThat(calendar.isWorkingDay(day)).isTrue();
    assertProblem(as("admin").get(path), 404, "NOT_FOUND");

    // a new day: no If-Match, 201 with its place and version
    Response created = json("admin").body(body("HOLIDAY", "Ngày nghỉ thử nghiệm")).put(path);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith(path);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.jsonPath().getString("date")).isEqualTo(DAY);
    assertThat(created.jsonPath().getBoolean("workingDay")).isFalse();
    String id = created.jsonPath().getString("id");
    assertThat(calendar.isWorkingDay(day)).isFalse();
    assertThat(calendar.addWorkingDays(LocalDate.parse("2036-03-11"), 1))
        .isEqualTo(LocalDate.parse("2036-03-13"));
    assertThat(as("viewer").queryParam("year", 2036).get(CALENDAR).jsonPath().getList("items.date"))
        .containsExactly(DAY);

    // a listed day: If-Match required and checked
    assertProblem(
        json("admin").body(body("HOLIDAY", "Ngày khác")).put(path), 428, "PRECONDITION_REQUIRED");
    assertProblem(
        json("admin").header("If-Match", "\"7\"").body(body("HOLIDAY", "Ngày khác")).put(path),
        412,
        "PRECONDITION_FAILED");
    Response replaced =
        json("admin")
            .header("If-Match", created.header("ETag"))
            .body(body("SWAPPED_DAY_OFF", "Nghỉ hoán đổi thử nghiệm"))
            .put(path);
    assertThat(replaced.statusCode()).as(replaced.asString()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
    assertThat(replaced.jsonPath().getString("kind")).isEqualTo("SWAPPED_DAY_OFF");
    assertThat(replaced.jsonPath().getString("id")).isEqualTo(id);
    assertThat(as("viewer").get(path).header("ETag")).isEqualTo("\"1\"");

    // unlisting: If-Match required and checked, then the default rule holds again
    assertProblem(as("admin").delete(path), 428, "PRECONDITION_REQUIRED");
    assertProblem(as("admin").header("If-Match", "\"0\"").delete(path), 412, "PRECONDITION_FAILED");
    assertThat(as("admin").header("If-Match", "\"1\"").delete(path).statusCode()).isEqualTo(204);
    assertProblem(as("admin").header("If-Match", "\"1\"").delete(path), 404, "NOT_FOUND");
    assertThat(calendar.isWorkingDay(day)).isTrue();

    // each change left its audit event and its feed entry, written by the same transaction
    assertThat(trail(id)).containsExactly("CREATE+feed", "UPDATE+feed", "DELETE+feed");
    JsonPath events =
        as("admin")
            .queryParam("entityType", "CALENDAR_DAY")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action"))
        .containsExactlyInAnyOrder("DELETE", "UPDATE", "CREATE");
    assertThat(events.getList("items.actor")).containsOnly("admin");
    events.setRootPath("items.find { it.action == 'UPDATE' }");
    assertThat(events.getString("before.kind")).isEqualTo("HOLIDAY");
    assertThat(events.getString("after.kind")).isEqualTo("SWAPPED_DAY_OFF");
  }

  @Test
  void aNewDayWithAnIfMatchIsStale() {
    assertProblem(
        json("admin")
            .header("If-Match", "\"0\"")
            .body(body("HOLIDAY", "Ngày nghỉ thử nghiệm"))
            .put(CALENDAR + "/days/" + DAY),
        412,
        "PRECONDITION_FAILED");
  }

  @Test
  void onlyAdminsChangeTheCalendarAndEveryoneSignedInReadsIt() {
    for (String user : List.of("viewer", "hcm-manager", "auditor", "reception")) {
      assertProblem(
          json(user).body(body("HOLIDAY", "Ngày nghỉ")).put(CALENDAR + "/days/" + DAY),
          403,
          "FORBIDDEN");
      assertProblem(
          as(user).header("If-Match", "\"0\"").delete(CALENDAR + "/days/2026-02-16"),
          403,
          "FORBIDDEN");
      assertThat(as(user).queryParam("year", 2026).get(CALENDAR).statusCode()).isEqualTo(200);
    }
    assertProblem(given().queryParam("year", 2026).get(CALENDAR), 401, "UNAUTHENTICATED");
  }

  private static List<String> pointers(Response r) {
    return r.jsonPath().getList("errors.pointer", String.class);
  }

  @Test
  void badInputIsAProblem() {
    Response year = as("viewer").queryParam("year", 1899).get(CALENDAR);
    assertProblem(year, 400, "VALIDATION_FAILED");
    assertThat(pointers(year)).containsExactly("/year");
    assertThat(year.asString()).contains("1900").contains("2100");
    assertProblem(as("viewer").queryParam("year", 2101).get(CALENDAR), 400, "VALIDATION_FAILED");
    assertProblem(as("viewer").queryParam("year", "năm").get(CALENDAR), 400, "INVALID_PARAMETER");
    assertProblem(
        json("admin").body(body("HOLIDAY", "Ngày")).put(CALENDAR + "/days/2036-02-30"),
        400,
        "INVALID_PARAMETER");
    Response early = json("admin").body(body("HOLIDAY", "Ngày")).put(CALENDAR + "/days/1899-12-31");
    assertProblem(early, 400, "VALIDATION_FAILED");
    assertThat(pointers(early)).containsExactly("/date");

    Response kind =
        json("admin").body(body("MOON_FESTIVAL", "Ngày")).put(CALENDAR + "/days/" + DAY);
    assertProblem(kind, 400, "VALIDATION_FAILED");
    assertThat(pointers(kind)).containsExactly("/kind");
    // a compensatory day off on a Saturday, a worked Saturday on a Wednesday
    Response saturday =
        json("admin")
            .body(body("COMPENSATORY_DAY_OFF", "Nghỉ bù"))
            .put(CALENDAR + "/days/2036-03-15");
    assertProblem(saturday, 400, "VALIDATION_FAILED");
    assertThat(pointers(saturday)).containsExactly("/kind");
    Response weekday =
        json("admin").body(body("SWAPPED_WORKING_DAY", "Làm bù")).put(CALENDAR + "/days/" + DAY);
    assertProblem(weekday, 400, "VALIDATION_FAILED");
    assertThat(pointers(weekday)).containsExactly("/kind");

    Response blank = json("admin").body(body("HOLIDAY", " ")).put(CALENDAR + "/days/" + DAY);
    assertProblem(blank, 400, "VALIDATION_FAILED");
    assertThat(pointers(blank)).containsExactly("/name");
    assertProblem(
        json("admin").body(body("HOLIDAY", "Ngày\u0000")).put(CALENDAR + "/days/" + DAY),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        json("admin").body("{\"kind\": \"HOLIDAY\", \"name\": ").put(CALENDAR + "/days/" + DAY),
        400,
        "MALFORMED_JSON");
    assertThat(as("admin").get(CALENDAR + "/days/" + DAY).statusCode()).isEqualTo(404);
  }

  @Test
  void theKindsAreInTheEnumCatalogue() {
    String catalogue = as("viewer").get("/api/v1/reference/enums").asString();
    assertThat(catalogue)
        .contains("CalendarDayKind")
        .contains("COMPENSATORY_DAY_OFF")
        .contains("Nghỉ bù")
        .contains("Swapped working day");
  }
}
