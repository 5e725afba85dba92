package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportingRegimeFixtures.BASE;
import static vn.danvan.reporting.ReportingRegimeFixtures.DEMO_GO_VAP_6T;
import static vn.danvan.reporting.ReportingRegimeFixtures.DEMO_GO_VAP_NAM;
import static vn.danvan.reporting.ReportingRegimeFixtures.DEMO_HCM;
import static vn.danvan.reporting.ReportingRegimeFixtures.GO_VAP;
import static vn.danvan.reporting.ReportingRegimeFixtures.HCM;
import static vn.danvan.reporting.ReportingRegimeFixtures.PHONG_NOI_VU_GO_VAP;
import static vn.danvan.reporting.ReportingRegimeFixtures.SO_NOI_VU_HCM;
import static vn.danvan.reporting.ReportingRegimeFixtures.body;
import static vn.danvan.reporting.ReportingRegimeFixtures.code;
import static vn.danvan.reporting.ReportingRegimeFixtures.createdId;
import static vn.danvan.reporting.ReportingRegimeFixtures.period;
import static vn.danvan.reporting.ReportingRegimeFixtures.periods;
import static vn.danvan.reporting.ReportingRegimeFixtures.transition;
import static vn.danvan.reporting.ReportingRegimeFixtures.units;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;

/**
 * Periods of reporting regimes over HTTP: data windows, due dates per level and lock dates on the
 * business calendar, the expected units on the tree of each period's first day (before and after
 * the reform of 1/7/2025), what a regime collected by an abolished district has, the bounds of the
 * period list, and a merge that passes a listed unit's reports on to its successor.
 */
@QuarkusTest
class ReportingPeriodApiTest {

  private static final String AN_HOI_TAY = UnitIds.newCommune("26882").toString();
  private static final String PHUONG_12 = UnitIds.oldCommune("26881").toString();

  private static List<String> pointers(Response r) {
    return r.jsonPath().getList("errors.pointer");
  }

  @Test
  void goVapsPlanOf2023() {
    // KH 847/KH-UBND: the window closes on 14/4; wards and departments by the 3rd (3/5/2023 was a
    // compensatory day off: 4/5), Phòng Nội vụ by the 5th, the data lock on the 15th
    JsonPath list = periods("hcm-manager", DEMO_GO_VAP_6T, null, null).jsonPath();
    assertThat(list.getList("items.code")).containsExactly("2023S1");
    assertThat(list.getString("items[0].startDate")).isEqualTo("2023-01-01");
    assertThat(list.getString("items[0].endDate")).isEqualTo("2023-06-30");
    assertThat(list.getString("items[0].windowStartDate")).isEqualTo("2022-12-15");
    assertThat(list.getString("items[0].windowEndDate")).isEqualTo("2023-04-14");
    assertThat(list.getList("items[0].dueDates.level")).containsExactly("COMMUNE", "DISTRICT");
    assertThat(list.getList("items[0].dueDates.dueDate"))
        .containsExactly("2023-05-04", "2023-05-05");
    assertThat(list.getString("items[0].lockDate")).isEqualTo("2023-05-15");
    // the 16 wards of the district and the four departments listed
    assertThat(list.getInt("items[0].expectedUnitCount")).isEqualTo(20);
    assertThat(list.getList("items[0].expectedUnits")).isNull();

    JsonPath s1 = period("auditor", DEMO_GO_VAP_6T, "2023S1").jsonPath();
    assertThat(s1.getString("collectingUnitId")).isEqualTo(PHONG_NOI_VU_GO_VAP);
    assertThat(s1.getString("collectingUnitName")).isEqualTo("Phòng Nội vụ quận Gò Vấp");
    assertThat(s1.getList("expectedUnits")).hasSize(20);
    assertThat(s1.getList("expectedUnits.unitId")).contains(PHUONG_12).doesNotContain(AN_HOI_TAY);
    assertThat(s1.getList("expectedUnits.name"))
        .contains(
            "Phường 12",
            "Phường 01",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận Gò Vấp",
            "Phòng Quản lý đô thị quận Gò Vấp");
    assertThat(s1.getList("expectedUnits.transferredFromUnitId")).containsOnlyNulls();

    // the annual report before 05/11: Sunday 5/11/2023 gives Monday 6/11
    JsonPath year = period("hcm-manager", DEMO_GO_VAP_NAM, "2023").jsonPath();
    assertThat(year.getString("windowStartDate")).isEqualTo("2022-12-15");
    assertThat(year.getString("windowEndDate")).isEqualTo("2023-10-14");
    assertThat(year.getList("dueDates.dueDate")).containsExactly("2023-11-03", "2023-11-06");
    assertThat(year.getString("lockDate")).isEqualTo("2023-11-15");

    // codes: malformed or of another frequency (400), outside the regime's span (404)
    Response malformed = period("hcm-manager", DEMO_GO_VAP_6T, "2023S3");
    assertProblem(malformed, 400, "VALIDATION_FAILED");
    assertThat(pointers(malformed)).containsExactly("/path/code");
    Response otherFrequency = period("hcm-manager", DEMO_GO_VAP_6T, "2023");
    assertProblem(otherFrequency, 400, "VALIDATION_FAILED");
    assertThat(pointers(otherFrequency)).containsExactly("/path/code");
    assertThat(otherFrequency.jsonPath().getString("errors[0].detail")).contains("SEMI_ANNUAL");
    assertProblem(period("hcm-manager", DEMO_GO_VAP_6T, "2023S2"), 404, "NOT_FOUND");
    assertProblem(period("hcm-manager", DEMO_GO_VAP_6T, "2022S2"), 404, "NOT_FOUND");
  }

  @Test
  void aRegimeCollectedByTheDistrictEndsWithIt() {
    // Phòng Nội vụ quận Gò Vấp collects from the district's wards, quarterly and open-ended: the
    // department and the district are gone from 1/7/2025, so no period starts after 30/6/2025
    Map<String, Object> b = body(code());
    b.put("firstPeriod", "2025Q1");
    b.put("lastPeriod", null);
    b.put("collectingUnitId", PHONG_NOI_VU_GO_VAP);
    b.put("reportingUnits", units("CHILD_UNITS_OF_KIND", "COMMUNE", GO_VAP, null));
    String id = createdId("hcm-manager", b);
    JsonPath regime = json("hcm-manager").get(BASE + "/" + id).jsonPath();
    assertThat(regime.getString("collectingUnitValidTo")).isEqualTo("2025-06-30");

    JsonPath list = periods("hcm-manager", id, "2025Q1", "2026Q4").jsonPath();
    assertThat(list.getList("items.code")).containsExactly("2025Q1", "2025Q2");
    assertThat(list.getList("items.expectedUnitCount")).containsExactly(16, 16);
    assertProblem(period("hcm-manager", id, "2025Q3"), 404, "NOT_FOUND");
  }

  @Test
  void theCitysCommunesFollowTheTreeOfEachPeriodsFirstDay() {
    // Sở Nội vụ collects from every commune below the city: before the reform the wards of quận
    // Gò Vấp, from 1/7/2025 the six wards that replaced them
    Map<String, Object> b = body(code());
    b.put("firstPeriod", "2025Q1");
    b.put("lastPeriod", "2025Q4");
    b.put("reportingUnits", units("DESCENDANT_UNITS_OF_KIND", "COMMUNE", HCM, null));
    String descendants = createdId("hcm-manager", b);
    JsonPath q2 = period("hcm-manager", descendants, "2025Q2").jsonPath();
    assertThat(q2.getString("collectingUnitId")).isEqualTo(SO_NOI_VU_HCM);
    assertThat(q2.getList("expectedUnits.unitId")).contains(PHUONG_12).doesNotContain(AN_HOI_TAY);
    JsonPath q3 = period("hcm-manager", descendants, "2025Q3").jsonPath();
    List<String> after = q3.getList("expectedUnits.unitId");
    assertThat(after).contains(AN_HOI_TAY).doesNotContain(PHUONG_12);
    assertThat(after).noneMatch(u -> u.startsWith("00000000-0000-4000-8003-"));
    assertThat(q3.getString("expectedUnits.find { it.unitId == '" + AN_HOI_TAY + "' }.name"))
        .isEqualTo("Phường An Hội Tây");

    // the city's direct children: no ward before the reform (they stood below the district)
    b.put("code", code());
    b.put("reportingUnits", units("CHILD_UNITS_OF_KIND", "COMMUNE", HCM, null));
    String children = createdId("hcm-manager", b);
    assertThat(period("hcm-manager", children, "2025Q2").jsonPath().getList("expectedUnits.unitId"))
        .doesNotContain(PHUONG_12);
    assertThat(period("hcm-manager", children, "2025Q3").jsonPath().getList("expectedUnits.unitId"))
        .contains(AN_HOI_TAY);

    // the demo's regime of the city from 2026: Decree 09 window, wards three working days after
    JsonPath s1 = period("auditor", DEMO_HCM, "2026S1").jsonPath();
    assertThat(s1.getString("windowStartDate")).isEqualTo("2025-12-15");
    assertThat(s1.getString("windowEndDate")).isEqualTo("2026-06-14");
    assertThat(s1.getList("dueDates.dueDate")).containsExactly("2026-06-17", "2026-06-22");
    assertThat(s1.getString("lockDate")).isEqualTo("2026-07-06");
    assertThat(s1.getList("expectedUnits.unitId")).contains(AN_HOI_TAY);
  }

  @Test
  void theListIsBoundedAndItsCodesChecked() {
    String id = createdId("hcm-manager", body(code()));
    Response tooMany = periods("hcm-manager", id, "2026Q3", "2041Q3");
    assertProblem(tooMany, 400, "VALIDATION_FAILED");
    assertThat(pointers(tooMany)).containsExactly("/query/to");
    // 60 periods may be asked for; those outside the regime's span are left out
    JsonPath sixty = periods("hcm-manager", id, "2026Q3", "2041Q2").jsonPath();
    assertThat(sixty.getList("items.code")).hasSize(6).startsWith("2026Q3").endsWith("2027Q4");
    assertThat(pointers(periods("hcm-manager", id, "2027Q1", "2026Q4")))
        .containsExactly("/query/to");
    assertThat(pointers(periods("hcm-manager", id, "2026M07", null)))
        .containsExactly("/query/from");
    assertThat(pointers(periods("hcm-manager", id, null, "2027"))).containsExactly("/query/to");
    assertThat(periods("hcm-manager", id, "2025Q1", "2025Q4").jsonPath().getList("items"))
        .isEmpty();
    // the default: from the first period, twelve periods at most
    assertThat(periods("hcm-manager", id, "2027Q2", null).jsonPath().getList("items.code"))
        .containsExactly("2027Q2", "2027Q3", "2027Q4");
  }

  @Test
  void aMergePassesAListedUnitsReportsToItsSuccessorFromTheEffectiveDate() {
    String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String province = unit("PROVINCE", "Tỉnh Báo Cáo " + tag, "Y" + tag, UnitIds.ROOT.toString());
    String c1 = unit("COMMUNE", "Xã Một " + tag, "P" + tag, province);
    String c2 = unit("COMMUNE", "Xã Hai " + tag, "Q" + tag, province);
    String c3 = unit("COMMUNE", "Xã Ba " + tag, "R" + tag, province);
    Map<String, Object> b = body(code());
    b.put("firstPeriod", "2029Q1");
    b.put("lastPeriod", "2030Q4");
    b.put("sourceDirectiveId", null);
    b.put("collectingUnitId", province);
    b.put("reportingUnits", units("UNITS", null, null, List.of(c1, c2, c3)));
    String regime = createdId("admin", b);
    assertThat(transition("admin", regime, 0, "ACTIVATE").statusCode()).isEqualTo(200);

    // a dry run changes nothing
    Map<String, Object> merge = merge(tag, c2, c3);
    Response dry =
        json("admin")
            .queryParam("dryRun", true)
            .body(merge)
            .post("/api/v1/org-units/restructurings");
    assertThat(dry.statusCode()).as(dry.asString()).isEqualTo(200);
    assertThat(dry.jsonPath().getList("transfers.entityType")).contains("REPORTING_REGIME");
    assertThat(json("admin").get(BASE + "/" + regime).header("ETag")).isEqualTo("\"1\"");

    Response merged = json("admin").body(merge).post("/api/v1/org-units/restructurings");
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    String successor = merged.jsonPath().getString("createdUnits[0].id");
    JsonPath transfers = merged.jsonPath();
    assertThat(
            transfers.getList(
                "transfers.findAll { it.entityType == 'REPORTING_REGIME' }.fromUnitId"))
        .containsExactly(c2, c3);
    assertThat(
            transfers.getList("transfers.findAll { it.entityType == 'REPORTING_REGIME' }.toUnitId"))
        .containsOnly(successor);
    assertThat(transfers.getList("transfers.findAll { it.entityType == 'REPORTING_REGIME' }.count"))
        .containsOnly(1);
    // nothing stored changed, but the regime's version moved, audited and in the feed
    assertThat(json("admin").get(BASE + "/" + regime).header("ETag")).isEqualTo("\"2\"");
    JsonPath events =
        json("admin")
            .queryParam("entityType", "REPORTING_REGIME")
            .queryParam("entityId", regime)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getString("items[0].action")).isEqualTo("REPORTING_REGIME_UNITS_PASSED_ON");
    assertThat(events.getList("items[0].after.handovers.fromUnitId")).containsExactly(c2, c3);
    assertThat(events.getString("items[0].after.effectiveDate")).isEqualTo("2029-07-01");

    // periods that started before the merge keep the units; those from its date have the successor
    JsonPath q2 = period("admin", regime, "2029Q2").jsonPath();
    assertThat(q2.getList("expectedUnits.unitId")).containsExactly(c1, c2, c3);
    assertThat(q2.getList("expectedUnits.transferredFromUnitId")).containsOnlyNulls();
    JsonPath q3 = period("admin", regime, "2029Q3").jsonPath();
    assertThat(q3.getList("expectedUnits.unitId")).containsExactly(c1, successor);
    assertThat(q3.getList("expectedUnits.transferredFromUnitId")).containsExactly(null, c2);
    assertThat(q3.getString("expectedUnits[1].name")).isEqualTo("Xã Hợp Nhất " + tag);
    assertThat(
            periods("admin", regime, "2029Q1", "2030Q4")
                .jsonPath()
                .getList("items.expectedUnitCount"))
        .containsExactly(3, 3, 2, 2, 2, 2, 2, 2);

    // a regime entered after the merge follows the same rule
    b.put("code", code());
    b.put("reportingUnits", units("UNITS", null, null, List.of(c3)));
    String later = createdId("admin", b);
    assertThat(period("admin", later, "2029Q2").jsonPath().getList("expectedUnits.unitId"))
        .containsExactly(c3);
    JsonPath laterQ3 = period("admin", later, "2029Q3").jsonPath();
    assertThat(laterQ3.getList("expectedUnits.unitId")).containsExactly(successor);
    assertThat(laterQ3.getList("expectedUnits.transferredFromUnitId")).containsExactly(c3);
  }

  private static Map<String, Object> merge(String tag, String c2, String c3) {
    Map<String, Object> newUnit = new LinkedHashMap<>();
    newUnit.put("kind", "COMMUNE");
    newUnit.put("name", "Xã Hợp Nhất " + tag);
    newUnit.put("code", "M" + tag);
    Map<String, Object> merge = new LinkedHashMap<>();
    merge.put("kind", "MERGE");
    merge.put("effectiveDate", "2029-07-01");
    merge.put("legalBasis", "Nghị quyết thử nghiệm " + tag);
    merge.put("sources", List.of(Map.of("unitId", c2), Map.of("unitId", c3)));
    merge.put("newUnit", newUnit);
    return merge;
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
