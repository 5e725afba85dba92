package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportConsolidationApiTest.communeDue;
import static vn.danvan.reporting.ReportConsolidationApiTest.regime;
import static vn.danvan.reporting.ReportConsolidationApiTest.ruleTemplate;
import static vn.danvan.reporting.ReportConsolidationApiTest.values;
import static vn.danvan.reporting.ReportConsolidationApiTest.wards;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * Completeness and timeliness over HTTP (issue 11 §7): the counts and the four states of each
 * expected report before and after the due date (injected clock), the unit filter, a merge that
 * passes a closed unit's report to its successor, scope and bad input.
 */
@QuarkusTest
class ReportCompletenessApiTest {

  static final String BASE = "/api/v1/report-completeness";

  @Inject DataSource dataSource;

  SubmissionRows rows;

  @BeforeEach
  void setUp() {
    rows = new SubmissionRows(dataSource);
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  static Response completeness(String user, String regime, String period, Object... filters) {
    var r = json(user).queryParam("regimeId", regime).queryParam("period", period);
    for (int i = 0; i < filters.length; i += 2) {
      r.queryParam((String) filters[i], filters[i + 1]);
    }
    return r.get(BASE);
  }

  @Test
  void theCountsAndTheFourStatesBeforeAndAfterTheDueDate() {
    List<String> w = wards();
    String regime = regime(ruleTemplate(), w);
    LocalDate due = communeDue(regime, "2026Q3");
    UUID s0 = rows.draft(regime, "2026Q3", w.get(0), due);
    rows.submit(s0, values("N_SUM", 1), false);
    rows.accept(s0);
    UUID s1 = rows.draft(regime, "2026Q3", w.get(1), due);
    rows.submit(s1, values("N_SUM", 1), false);
    UUID s2 = rows.draft(regime, "2026Q3", w.get(2), due);
    rows.submit(s2, values("N_SUM", 1), true);
    UUID s3 = rows.draft(regime, "2026Q3", w.get(3), due);
    rows.submit(s3, values("N_SUM", 1), false);
    rows.giveBack(s3);
    rows.draft(regime, "2026Q3", w.get(4), due);
    // w5: nothing at all

    TestClock.today(due);
    JsonPath before = completeness("auditor", regime, "2026Q3").jsonPath();
    assertThat(before.getString("asOf")).isEqualTo(due.toString());
    assertThat(before.getInt("totals.expected")).isEqualTo(6);
    assertThat(before.getInt("totals.submitted")).isEqualTo(4);
    assertThat(before.getInt("totals.onTime")).isEqualTo(3);
    assertThat(before.getInt("totals.late")).isEqualTo(1);
    assertThat(before.getInt("totals.missing")).isEqualTo(2);
    assertThat(before.getInt("totals.returned")).isEqualTo(1);
    assertThat(before.getInt("totals.accepted")).isEqualTo(1);
    assertThat(before.getInt("totals.doneOnTime")).isEqualTo(2);
    assertThat(before.getInt("totals.doneLate")).isEqualTo(1);
    assertThat(before.getInt("totals.inProgressInTerm")).isEqualTo(3);
    assertThat(before.getInt("totals.overdue")).isZero();
    assertThat(before.getList("units.unitId")).containsExactlyElementsOf(w);
    assertThat(before.getList("units.state"))
        .containsExactly(
            "DONE_ON_TIME",
            "DONE_ON_TIME",
            "DONE_LATE",
            "IN_PROGRESS_IN_TERM",
            "IN_PROGRESS_IN_TERM",
            "IN_PROGRESS_IN_TERM");
    assertThat(before.getList("units.status"))
        .containsExactly("ACCEPTED", "SUBMITTED", "SUBMITTED", "RETURNED", "DRAFT", null);
    assertThat(before.getList("units.dueDate")).containsOnly(due.toString());
    assertThat(before.getString("units[5].submissionId")).isNull();

    // the day after the due date: the reports not sent are overdue
    TestClock.today(due.plusDays(1));
    JsonPath after = completeness("hcm-manager", regime, "2026Q3").jsonPath();
    assertThat(after.getInt("totals.inProgressInTerm")).isZero();
    assertThat(after.getInt("totals.overdue")).isEqualTo(3);
    assertThat(after.getList("units.state"))
        .containsExactly(
            "DONE_ON_TIME", "DONE_ON_TIME", "DONE_LATE", "OVERDUE", "OVERDUE", "OVERDUE");

    // the unit filter, on the tree of the period's first day
    JsonPath one = completeness("hcm-manager", regime, "2026Q3", "orgUnitId", w.get(2)).jsonPath();
    assertThat(one.getList("units.unitId")).containsExactly(w.get(2));
    assertThat(one.getInt("totals.doneLate")).isEqualTo(1);
    JsonPath city =
        completeness(
                "hcm-manager",
                regime,
                "2026Q3",
                "orgUnitId",
                Api.HO_CHI_MINH,
                "orgUnitMode",
                "DESCENDANTS")
            .jsonPath();
    assertThat(city.getInt("totals.expected")).isEqualTo(6);
    JsonPath children =
        completeness(
                "hcm-manager",
                regime,
                "2026Q3",
                "orgUnitId",
                Api.HO_CHI_MINH,
                "orgUnitMode",
                "CHILDREN")
            .jsonPath();
    assertThat(children.getInt("totals.expected")).isEqualTo(6);
    assertThat(
            completeness("hcm-manager", regime, "2026Q3", "orgUnitId", Api.HO_CHI_MINH)
                .jsonPath()
                .getInt("totals.expected"))
        .isZero();
  }

  @Test
  void aMergedUnitsReportPassesToItsSuccessor() {
    String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String province =
        unit("PROVINCE", "Tỉnh Đủ Báo Cáo " + tag, "Z" + tag, UnitIds.ROOT.toString());
    String c1 = unit("COMMUNE", "Xã Một " + tag, "K" + tag, province);
    String c2 = unit("COMMUNE", "Xã Hai " + tag, "L" + tag, province);
    String c3 = unit("COMMUNE", "Xã Ba " + tag, "N" + tag, province);
    Map<String, Object> b = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    b.put("firstPeriod", "2029Q1");
    b.put("lastPeriod", "2030Q4");
    b.put("sourceDirectiveId", null);
    b.put("collectingUnitId", province);
    b.put(
        "reportingUnits", ReportingRegimeFixtures.units("UNITS", null, null, List.of(c1, c2, c3)));
    String regime = ReportingRegimeFixtures.createdId("admin", b);
    Map<String, Object> newUnit = new LinkedHashMap<>();
    newUnit.put("kind", "COMMUNE");
    newUnit.put("name", "Xã Hợp Nhất " + tag);
    newUnit.put("code", "H" + tag);
    Map<String, Object> merge = new LinkedHashMap<>();
    merge.put("kind", "MERGE");
    merge.put("effectiveDate", "2029-07-01");
    merge.put("legalBasis", "Nghị quyết thử nghiệm " + tag);
    merge.put("sources", List.of(Map.of("unitId", c2), Map.of("unitId", c3)));
    merge.put("newUnit", newUnit);
    Response merged = json("admin").body(merge).post("/api/v1/org-units/restructurings");
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    String successor = merged.jsonPath().getString("createdUnits[0].id");

    LocalDate due =
        LocalDate.parse(
            ReportingRegimeFixtures.period("admin", regime, "2029Q3")
                .jsonPath()
                .getString("dueDates[0].dueDate"));
    UUID s = rows.draft(regime, "2029Q3", successor, due);
    rows.submit(s, values("TCD_LUOT", 5), false);
    TestClock.today(due.plusDays(3));
    JsonPath q3 = completeness("admin", regime, "2029Q3").jsonPath();
    assertThat(q3.getList("units.unitId")).containsExactly(c1, successor);
    assertThat(q3.getList("units.transferredFromUnitId")).containsExactly(null, c2);
    assertThat(q3.getList("units.state")).containsExactly("OVERDUE", "DONE_ON_TIME");
    assertThat(q3.getInt("totals.expected")).isEqualTo(2);
    // before the merge the three communes were expected
    JsonPath q2 = completeness("admin", regime, "2029Q2").jsonPath();
    assertThat(q2.getList("units.unitId")).containsExactly(c1, c2, c3);
    assertThat(q2.getInt("totals.overdue")).isEqualTo(3);
    // the province's subtree on each period's first day
    assertThat(
            completeness(
                    "admin", regime, "2029Q3", "orgUnitId", province, "orgUnitMode", "CHILDREN")
                .jsonPath()
                .getList("units.unitId"))
        .containsExactly(c1, successor);
  }

  @Test
  void scopeAndBadInput() {
    String regime = ReportingRegimeFixtures.DEMO_GO_VAP_6T;
    assertThat(completeness("auditor", regime, "2023S1").jsonPath().getInt("totals.expected"))
        .isEqualTo(20);
    // another province's official: the regime is unknown to them; so are units outside scope
    Response foreign = completeness("viewer", regime, "2023S1");
    assertProblem(foreign, 422, "UNKNOWN_REPORTING_REGIME");
    assertThat(foreign.jsonPath().getList("errors.pointer")).containsExactly("/query/regimeId");
    Response unit = completeness("hcm-manager", regime, "2023S1", "orgUnitId", Api.HA_NOI);
    assertProblem(unit, 422, "UNKNOWN_UNIT");
    assertThat(unit.jsonPath().getList("errors.pointer")).containsExactly("/query/orgUnitId");
    // bad input
    assertThat(pointers(json("auditor").queryParam("period", "2023S1").get(BASE)))
        .containsExactly("/query/regimeId");
    assertThat(pointers(json("auditor").queryParam("regimeId", regime).get(BASE)))
        .containsExactly("/query/period");
    assertThat(pointers(completeness("auditor", regime, "2023Q1")))
        .containsExactly("/query/period");
    assertThat(pointers(completeness("auditor", regime, "2024S1")))
        .containsExactly("/query/period");
    assertThat(pointers(completeness("auditor", regime, "2023S1", "orgUnitMode", "CHILDREN")))
        .containsExactly("/query/orgUnitId");
    Response mode = completeness("auditor", regime, "2023S1", "orgUnitMode", "ALL");
    assertProblem(mode, 400, "INVALID_PARAMETER");
    assertThat(mode.jsonPath().getList("errors.pointer")).containsExactly("/query/orgUnitMode");
  }

  private static List<String> pointers(Response r) {
    assertProblem(r, 400, "VALIDATION_FAILED");
    return r.jsonPath().getList("errors.pointer");
  }

  private static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    body.put("code", code);
    return json("admin")
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
