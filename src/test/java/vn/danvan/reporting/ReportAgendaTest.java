package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportConsolidationApiTest.communeDue;
import static vn.danvan.reporting.ReportConsolidationApiTest.regime;
import static vn.danvan.reporting.ReportConsolidationApiTest.ruleTemplate;
import static vn.danvan.reporting.ReportConsolidationApiTest.values;
import static vn.danvan.reporting.ReportConsolidationApiTest.wards;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * The expected reports of the agenda equal the period's completeness: one entry per expected unit,
 * its due date and the four states, done on the day of its first submission while sent (a returned
 * report is owed again), the link to the submission or to the completeness.
 */
@QuarkusTest
class ReportAgendaTest {

  @Inject DataSource dataSource;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void reportsEqualTheCompleteness() {
    List<String> w = wards();
    String regime = regime(ruleTemplate(), w);
    long version =
        json("hcm-manager")
            .get(ReportingRegimeFixtures.BASE + "/" + regime)
            .jsonPath()
            .getLong("version");
    Response active =
        ReportingRegimeFixtures.transition("hcm-manager", regime, version, "ACTIVATE");
    assertThat(active.statusCode()).as(active.asString()).isEqualTo(200);
    LocalDate due = communeDue(regime, "2026Q3");
    SubmissionRows rows = new SubmissionRows(dataSource);
    UUID s0 = rows.draft(regime, "2026Q3", w.get(0), due);
    rows.submit(s0, values("N_SUM", 1), false);
    rows.accept(s0);
    firstSubmitted(s0, due.minusDays(3));
    UUID s1 = rows.draft(regime, "2026Q3", w.get(1), due);
    rows.submit(s1, values("N_SUM", 1), true);
    firstSubmitted(s1, due.plusDays(2));
    UUID s2 = rows.draft(regime, "2026Q3", w.get(2), due);
    rows.submit(s2, values("N_SUM", 1), false);
    rows.giveBack(s2);
    rows.draft(regime, "2026Q3", w.get(3), due);

    Map<UUID, String> ids = new HashMap<>();
    for (String unit : w) {
      ids.put(
          ReportObligationSource.idOf(UUID.fromString(regime), "2026Q3", UUID.fromString(unit)),
          unit);
    }
    for (LocalDate day : List.of(due.plusDays(2), due.plusDays(30))) {
      TestClock.today(day);
      JsonPath c =
          json("hcm-manager")
              .queryParam("regimeId", regime)
              .queryParam("period", "2026Q3")
              .get("/api/v1/report-completeness")
              .jsonPath();
      Map<String, String> expected = new TreeMap<>();
      for (int i = 0; i < c.getList("units").size(); i++) {
        expected.put(
            c.getString("units[" + i + "].unitId"),
            c.getString("units[" + i + "].state") + "/" + c.getString("units[" + i + "].dueDate"));
      }
      Map<String, String> actual = new TreeMap<>();
      Map<String, String> hrefs = new TreeMap<>();
      String cursor = null;
      do {
        RequestSpecification r =
            json("hcm-manager")
                .queryParam("orgUnitId", Api.HO_CHI_MINH)
                .queryParam("orgUnitMode", "DESCENDANTS")
                .queryParam("kind", "REPORT")
                .queryParam("dueFrom", due.toString())
                .queryParam("dueTo", due.toString())
                .queryParam("limit", 200);
        if (cursor != null) {
          r.queryParam("cursor", cursor);
        }
        Response page = r.get("/api/v1/agenda");
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        for (Map<String, Object> item : page.jsonPath().<Map<String, Object>>getList("items")) {
          String unit = ids.get(UUID.fromString((String) item.get("id")));
          if (unit != null) {
            assertThat(item.get("orgUnitId")).isEqualTo(unit);
            actual.put(unit, item.get("state") + "/" + item.get("dueDate"));
            hrefs.put(unit, (String) item.get("href"));
          }
        }
        cursor = page.jsonPath().getString("next");
      } while (cursor != null);
      assertThat(actual).as(day.toString()).hasSize(6).isEqualTo(expected);
      assertThat(hrefs.get(w.get(0))).isEqualTo("/api/v1/report-submissions/" + s0);
      assertThat(hrefs.get(w.get(5)))
          .isEqualTo("/api/v1/report-completeness?regimeId=" + regime + "&period=2026Q3");
    }
  }

  private void firstSubmitted(UUID submission, LocalDate day) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update report_submission set first_submitted_at = ? where id = ?")) {
      s.setObject(1, Timestamp.from(day.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant()));
      s.setObject(2, submission);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
