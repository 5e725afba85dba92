package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportConsolidationApiTest.communeDue;
import static vn.danvan.reporting.ReportConsolidationApiTest.regime;
import static vn.danvan.reporting.ReportConsolidationApiTest.ruleTemplate;
import static vn.danvan.reporting.ReportConsolidationApiTest.values;
import static vn.danvan.reporting.ReportConsolidationApiTest.wards;
import static vn.danvan.testing.Api.json;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.testing.Api;
import vn.danvan.testing.Statements;
import vn.danvan.testing.TestClock;

/**
 * The expected reports of the agenda equal the period's completeness: one entry per expected unit,
 * its due date and the four states, done on the day of its first submission while sent (a returned
 * report is owed again), the link to the submission or to the completeness.
 */
@QuarkusTest
class ReportAgendaTest {

  @Inject DataSource dataSource;

  // the recorder is Hibernate's statement inspector: it bears the persistence unit's qualifier
  @Inject @PersistenceUnitExtension Statements statements;

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

  /**
   * The expected units are kept per tree revision and regime version: a unit added, a merger and an
   * edited regime are seen by the next request, and a request on the same tree does not resolve the
   * periods again (fewer statements than the first).
   */
  @Test
  void theNextRequestSeesTheTreeAndTheRegimeAsTheyStand() {
    String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String province = unit("PROVINCE", "Tỉnh Nhật Ký " + tag, "Y" + tag, UnitIds.ROOT.toString());
    String c1 = unit("COMMUNE", "Xã Một " + tag, "P" + tag, province);
    String c2 = unit("COMMUNE", "Xã Hai " + tag, "Q" + tag, province);
    String c3 = unit("COMMUNE", "Xã Ba " + tag, "R" + tag, province);
    Map<String, Object> b = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    b.put("firstPeriod", "2029Q1");
    b.put("lastPeriod", "2030Q4");
    b.put("sourceDirectiveId", null);
    b.put("collectingUnitId", province);
    b.put(
        "reportingUnits",
        ReportingRegimeFixtures.units("CHILD_UNITS_OF_KIND", "COMMUNE", province, null));
    String regime = ReportingRegimeFixtures.createdId("admin", b);
    assertThat(ReportingRegimeFixtures.transition("admin", regime, 0, "ACTIVATE").statusCode())
        .isEqualTo(200);
    TestClock.today(LocalDate.parse("2029-05-10"));

    // the first request resolves the periods, the next one reads them kept
    List<String> first = statements.of("admin", () -> agenda(province));
    List<String> second = statements.of("admin", () -> agenda(province));
    assertThat(second.size()).as(String.join("\n", second)).isLessThan(first.size());
    assertThat(agenda(province))
        .isEqualTo(
            expected(regime, Map.of("2029Q1", List.of(c1, c2, c3), "2029Q2", List.of(c1, c2, c3))));
    // the same for a restricted caller's scope: none of the province's reports are its own
    assertThat(agendaOf("hcm-manager")).doesNotContainAnyElementsOf(agenda(province));

    // a unit added to the tree is expected from the next request on
    String c4 = unit("COMMUNE", "Xã Bốn " + tag, "S" + tag, province);
    assertThat(agenda(province))
        .isEqualTo(
            expected(
                regime,
                Map.of("2029Q1", List.of(c1, c2, c3, c4), "2029Q2", List.of(c1, c2, c3, c4))));

    // a merger from 1/4/2029: the second quarter expects the new commune instead
    Map<String, Object> newUnit = new LinkedHashMap<>();
    newUnit.put("kind", "COMMUNE");
    newUnit.put("name", "Xã Hợp Nhất " + tag);
    newUnit.put("code", "M" + tag);
    Map<String, Object> merge = new LinkedHashMap<>();
    merge.put("kind", "MERGE");
    merge.put("effectiveDate", "2029-04-01");
    merge.put("legalBasis", "Nghị quyết thử nghiệm " + tag);
    merge.put("sources", List.of(Map.of("unitId", c2), Map.of("unitId", c3)));
    merge.put("newUnit", newUnit);
    Response merged = json("admin").body(merge).post("/api/v1/org-units/restructurings");
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    String successor = merged.jsonPath().getString("createdUnits[0].id");
    assertThat(agenda(province))
        .isEqualTo(
            expected(
                regime,
                Map.of("2029Q1", List.of(c1, c2, c3, c4), "2029Q2", List.of(c1, c4, successor))));
    assertThat(
            json("admin")
                .queryParam("regimeId", regime)
                .queryParam("period", "2029Q2")
                .get("/api/v1/report-completeness")
                .jsonPath()
                .<String>getList("units.unitId"))
        .containsExactlyInAnyOrder(c1, c4, successor);

    // an edited regime (a new version) is resolved again
    Map<String, Object> draft = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    draft.put("firstPeriod", "2029Q1");
    draft.put("lastPeriod", "2030Q4");
    draft.put("sourceDirectiveId", null);
    draft.put("collectingUnitId", province);
    draft.put("reportingUnits", ReportingRegimeFixtures.units("UNITS", null, null, List.of(c1)));
    String edited = ReportingRegimeFixtures.createdId("admin", draft);
    assertThat(expectedUnits(edited)).containsExactly(c1);
    assertThat(expectedUnits(edited)).containsExactly(c1);
    draft.put(
        "reportingUnits", ReportingRegimeFixtures.units("UNITS", null, null, List.of(c1, c4)));
    Response put = ReportingRegimeFixtures.put("admin", edited, 0, draft);
    assertThat(put.statusCode()).as(put.asString()).isEqualTo(200);
    assertThat(expectedUnits(edited)).containsExactly(c1, c4);
  }

  /** The ids of the expected reports of each period's units. */
  private static Set<String> expected(String regime, Map<String, List<String>> units) {
    Set<String> out = new TreeSet<>();
    units.forEach(
        (period, ids) ->
            ids.forEach(
                u ->
                    out.add(
                        ReportObligationSource.idOf(
                                UUID.fromString(regime), period, UUID.fromString(u))
                            .toString())));
    return out;
  }

  /** The ids of the reports in the agenda of the unit and its descendants, every page. */
  private static Set<String> agenda(String unit) {
    return reports("admin", unit);
  }

  private static Set<String> agendaOf(String user) {
    return reports(user, null);
  }

  private static Set<String> reports(String user, String unit) {
    Set<String> out = new TreeSet<>();
    String cursor = null;
    do {
      RequestSpecification r = json(user).queryParam("kind", "REPORT").queryParam("limit", 200);
      if (unit != null) {
        r.queryParam("orgUnitId", unit).queryParam("orgUnitMode", "DESCENDANTS");
      }
      if (cursor != null) {
        r.queryParam("cursor", cursor);
      }
      Response page = r.get("/api/v1/agenda");
      assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
      out.addAll(page.jsonPath().getList("items.id", String.class));
      cursor = page.jsonPath().getString("next");
    } while (cursor != null);
    return out;
  }

  private static List<String> expectedUnits(String regime) {
    return ReportingRegimeFixtures.period("admin", regime, "2029Q2")
        .jsonPath()
        .getList("expectedUnits.unitId", String.class);
  }

  private static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    body.put("code", code);
    Response r = json("admin").body(body).post("/api/v1/org-units");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
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
