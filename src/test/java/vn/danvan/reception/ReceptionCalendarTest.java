package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.CASES;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.TestClock;

/** Case deadlines follow the business calendar: Tết 2023, and a day an admin adds. */
@QuarkusTest
class ReceptionCalendarTest {

  private static final String DAY = "2035-03-14"; // a Wednesday
  private static final String DAY_PATH = "/api/v1/calendar/days/" + DAY;

  @AfterEach
  void cleanUp() {
    TestClock.reset();
    Response r = as("admin").get(DAY_PATH);
    if (r.statusCode() == 200) {
      as("admin").header("If-Match", r.header("ETag")).delete(DAY_PATH).then().statusCode(204);
    }
  }

  private static String dueDate(String id, int i) {
    Response r = as("reception").get(CASES + "/" + id + "/deadlines");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getString("items[" + i + "].dueDate");
  }

  @Test
  void aDenunciationReceivedJustBeforeTet2023IsDueAfterTheBreak() {
    TestClock.today(LocalDate.of(2023, 1, 19));
    Response created =
        ReceptionCaseTest.createCase(ReceptionCaseTest.caseBody("DENUNCIATION", "2023-01-19"));
    // 7 working days: 27, 30, 31/1, 1, 2, 3, 6/2 (Tết: 20/1 and 23–26/1 off)
    assertThat(dueDate(created.jsonPath().getString("id"), 0)).isEqualTo("2023-02-06");
    assertThat(created.jsonPath().getString("deadlines[0].dueDate")).isEqualTo("2023-02-06");
  }

  @Test
  void aDayAnAdminAddsMovesTheDeadlinesComputedAfterIt() {
    TestClock.today(LocalDate.of(2035, 3, 12));
    String before =
        ReceptionCaseTest.createCase(ReceptionCaseTest.caseBody("DENUNCIATION", "2035-03-12"))
            .jsonPath()
            .getString("id");
    // received Monday 12/3: 13, 14, 15, 16, 19, 20, 21
    assertThat(dueDate(before, 0)).isEqualTo("2035-03-21");

    Response added =
        json("admin")
            .body(
                Map.of(
                    "kind", "HOLIDAY",
                    "name", "Ngày nghỉ đột xuất",
                    "legalBasis", "Quyết định thử nghiệm"))
            .put(DAY_PATH);
    assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);

    // Wednesday 14/3 is off now: one working day later
    Response after =
        ReceptionCaseTest.createCase(ReceptionCaseTest.caseBody("DENUNCIATION", "2035-03-12"));
    assertThat(after.jsonPath().getString("deadlines[0].dueDate")).isEqualTo("2035-03-22");
    assertThat(dueDate(before, 0)).isEqualTo("2035-03-22");

    // the stored due date of the case received before moved too, audited, so that the overdue
    // filter agrees with the deadlines on 22/3
    assertThat(as("reception").get(CASES + "/" + before).header("ETag")).isEqualTo("\"1\"");
    TestClock.today(LocalDate.of(2035, 3, 22));
    assertThat(
            as("reception")
                .queryParam("overdue", true)
                .queryParam("limit", 500)
                .get(CASES)
                .jsonPath()
                .getList("items.id"))
        .doesNotContain(before);
    // (the clock is fixed: the creation and the recomputation share their time)
    JsonPath events =
        as("admin")
            .queryParam("entityId", before)
            .queryParam("entityType", "RECEPTION_CASE")
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action"))
        .containsExactlyInAnyOrder("CREATE", "CASE_DEADLINES_RECOMPUTED");
    events.setRootPath("items.find { it.action == 'CASE_DEADLINES_RECOMPUTED' }");
    assertThat(events.getString("before.acceptanceDueDate")).isEqualTo("2035-03-21");
    assertThat(events.getString("after.acceptanceDueDate")).isEqualTo("2035-03-22");
    assertThat(events.getString("reason")).contains(DAY);
    TestClock.today(LocalDate.of(2035, 3, 23));
    assertThat(
            as("reception")
                .queryParam("overdue", true)
                .queryParam("limit", 500)
                .get(CASES)
                .jsonPath()
                .getList("items.id"))
        .contains(before);
  }
}
