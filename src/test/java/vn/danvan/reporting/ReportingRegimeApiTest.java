package vn.danvan.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportingRegimeFixtures.BASE;
import static vn.danvan.reporting.ReportingRegimeFixtures.DEMO_GO_VAP_6T;
import static vn.danvan.reporting.ReportingRegimeFixtures.DEMO_HCM;
import static vn.danvan.reporting.ReportingRegimeFixtures.HCM;
import static vn.danvan.reporting.ReportingRegimeFixtures.PHONG_NOI_VU_GO_VAP;
import static vn.danvan.reporting.ReportingRegimeFixtures.SO_NOI_VU_HA_NOI;
import static vn.danvan.reporting.ReportingRegimeFixtures.SO_NOI_VU_HCM;
import static vn.danvan.reporting.ReportingRegimeFixtures.body;
import static vn.danvan.reporting.ReportingRegimeFixtures.code;
import static vn.danvan.reporting.ReportingRegimeFixtures.create;
import static vn.danvan.reporting.ReportingRegimeFixtures.createdId;
import static vn.danvan.reporting.ReportingRegimeFixtures.dayOfMonth;
import static vn.danvan.reporting.ReportingRegimeFixtures.periods;
import static vn.danvan.reporting.ReportingRegimeFixtures.put;
import static vn.danvan.reporting.ReportingRegimeFixtures.transition;
import static vn.danvan.reporting.ReportingRegimeFixtures.units;
import static vn.danvan.reporting.ReportingRegimeFixtures.workingDays;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;

/**
 * Reporting regimes over HTTP: the life of a regime (draft edited, activated, retired), the
 * validation of its rules with pointers, roles and scope, ETag and If-Match, Idempotency-Key, audit
 * and change feed, list filters and their cursors, the documented example and the demo regimes.
 */
@QuarkusTest
class ReportingRegimeApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aDraftIsEditedThenActivatedThenRetired() {
    String code = code();
    Response created = create("hcm-manager", body(code));
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    JsonPath r = created.jsonPath();
    assertThat(r.getString("status")).isEqualTo("DRAFT");
    assertThat(r.getString("frequency")).isEqualTo("QUARTERLY");
    assertThat(r.getString("firstPeriod")).isEqualTo("2026Q3");
    assertThat(r.getString("lastPeriod")).isEqualTo("2027Q4");
    // no window given: Decree 09/2019
    assertThat(r.getBoolean("cutOff.decree09")).isTrue();
    assertThat(r.getInt("cutOff.startMonths")).isEqualTo(-1);
    assertThat(r.getInt("cutOff.startDay")).isEqualTo(15);
    assertThat(r.getInt("cutOff.endMonths")).isZero();
    assertThat(r.getInt("cutOff.endDay")).isEqualTo(14);
    assertThat(r.getList("dueDates.level")).containsExactly("COMMUNE", "PROVINCE");
    assertThat(r.getString("dueDates[0].kind")).isEqualTo("WORKING_DAYS_AFTER");
    assertThat(r.getInt("dueDates[0].workingDays")).isEqualTo(3);
    assertThat(r.getInt("dueDates[1].day")).isEqualTo(20);
    assertThat(r.getInt("lock.monthsAfter")).isEqualTo(1);
    assertThat(r.getString("sourceDirectiveNumber")).isEqualTo("246/KH-UBND");
    assertThat(r.getString("collectingUnitName")).isEqualTo("Sở Nội vụ");
    assertThat(r.getString("collectingUnitValidTo")).isNull();
    assertThat(r.getString("reportingUnits.targets")).isEqualTo("CHILD_UNITS_OF_KIND");
    assertThat(r.getString("reportingUnits.ofUnitId")).isEqualTo(HCM);
    assertThat(r.getList("reportingUnits.unitIds")).isEmpty();

    Response read = json("auditor").get(BASE + "/" + id);
    assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");

    // the draft is edited: Gò Vấp's own window instead of the decree's
    Map<String, Object> edited = body(code);
    edited.put("name", "Báo cáo quý (sửa) " + code);
    edited.put("cutOff", Map.of("startMonths", -1, "startDay", 11, "endMonths", 0, "endDay", 10));
    Response put = put("hcm-manager", id, 0, edited);
    assertThat(put.statusCode()).as(put.asString()).isEqualTo(200);
    assertThat(put.header("ETag")).isEqualTo("\"1\"");
    assertThat(put.jsonPath().getBoolean("cutOff.decree09")).isFalse();
    assertThat(put.jsonPath().getInt("cutOff.endDay")).isEqualTo(10);

    Response active = transition("hcm-manager", id, 1, "ACTIVATE");
    assertThat(active.statusCode()).as(active.asString()).isEqualTo(200);
    assertThat(active.jsonPath().getString("status")).isEqualTo("ACTIVE");
    assertThat(active.header("ETag")).isEqualTo("\"2\"");

    // in force: no edit, no second activation
    Response frozen = put("hcm-manager", id, 2, edited);
    assertProblem(frozen, 409, "ILLEGAL_TRANSITION");
    assertThat(frozen.jsonPath().getString("detail"))
        .contains("chế độ báo cáo")
        .contains("ACTIVE")
        .contains("UPDATE");
    assertProblem(transition("hcm-manager", id, 2, "ACTIVATE"), 409, "ILLEGAL_TRANSITION");

    Response retired = transition("hcm-manager", id, 2, "RETIRE");
    assertThat(retired.statusCode()).as(retired.asString()).isEqualTo(200);
    assertThat(retired.jsonPath().getString("status")).isEqualTo("RETIRED");
    assertProblem(transition("hcm-manager", id, 3, "RETIRE"), 409, "ILLEGAL_TRANSITION");
    // a retired regime's periods stay readable
    Response p = periods("auditor", id, null, null);
    assertThat(p.statusCode()).as(p.asString()).isEqualTo(200);
    assertThat(p.jsonPath().getList("items.code"))
        .containsExactly("2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3", "2027Q4");
    // the regime's own window: 2026Q3 from 11/6 to 10/9
    assertThat(p.jsonPath().getString("items[0].windowStartDate")).isEqualTo("2026-06-11");
    assertThat(p.jsonPath().getString("items[0].windowEndDate")).isEqualTo("2026-09-10");

    // a draft no longer wanted is retired too
    String draft = createdId("hcm-manager", body(code()));
    assertThat(transition("hcm-manager", draft, 0, "RETIRE").statusCode()).isEqualTo(200);
  }

  private static List<String> pointers(Response r) {
    return r.jsonPath().getList("errors.pointer");
  }

  @Test
  void aDueDateMustFollowTheCutOffByAWorkingDayAndLevelsStayInOrderAroundTet() {
    // wards 3 working days after the cut-off, the district by the 20th: in order every month of
    // 2026 but February, whose cut-off (Saturday 14/2) is followed by Tết (16–20/2)
    Map<String, Object> tet = body(code());
    tet.put("frequency", "MONTHLY");
    tet.put("firstPeriod", "2026M01");
    tet.put("lastPeriod", "2026M12");
    tet.put("dueDates", List.of(workingDays("COMMUNE", 3), dayOfMonth("DISTRICT", 0, 20)));
    tet.put("lock", dayOfMonth(null, 1, 1));
    Response refused = create("hcm-manager", tet);
    assertProblem(refused, 400, "VALIDATION_FAILED");
    assertThat(pointers(refused)).containsExactly("/dueDates/1/day");
    assertThat(refused.jsonPath().getString("errors[0].detail"))
        .contains("2026M02")
        .contains("2026-02-23")
        .contains("COMMUNE")
        .contains("2026-02-25");
    // the same rules for 2025, whose Tết fell in January: accepted
    tet.put("firstPeriod", "2025M01");
    tet.put("lastPeriod", "2025M12");
    assertThat(create("hcm-manager", tet).statusCode()).isEqualTo(201);

    // a due date on the cut-off itself
    Map<String, Object> onCutOff = body(code());
    onCutOff.put("dueDates", List.of(dayOfMonth("COMMUNE", 0, 14)));
    Response due = create("hcm-manager", onCutOff);
    assertProblem(due, 400, "VALIDATION_FAILED");
    assertThat(pointers(due)).containsExactly("/dueDates/0/day");
    assertThat(due.jsonPath().getString("errors[0].detail"))
        .contains("2026Q3")
        .contains("2026-09-14")
        .contains("2026-09-15");

    // the lock before the last due date
    Map<String, Object> lock = body(code());
    lock.put("lock", workingDays(null, 2));
    Response locked = create("hcm-manager", lock);
    assertProblem(locked, 400, "VALIDATION_FAILED");
    assertThat(pointers(locked)).containsExactly("/lock/workingDays");
  }

  @Test
  void everyMistakeOfTheBodyIsReportedAtOnceWithItsPointer() {
    Map<String, Object> b = body(code());
    b.put("code", "bad code");
    b.put("firstPeriod", "2026M07");
    b.put("cutOff", Map.of("startMonths", -1, "startDay", 15, "endMonths", 0));
    Map<String, Object> noDay = new LinkedHashMap<>();
    noDay.put("level", "COMMUNE");
    noDay.put("kind", "DAY_OF_MONTH");
    Map<String, Object> mixed = dayOfMonth("DISTRICT", 1, 5);
    mixed.put("workingDays", 2);
    b.put("dueDates", List.of(noDay, mixed));
    b.put("reportingUnits", units("UNITS", "COMMUNE", null, List.of()));
    Response r = create("hcm-manager", b);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(pointers(r))
        .containsExactlyInAnyOrder(
            "/code",
            "/firstPeriod",
            "/cutOff/endDay",
            "/dueDates/0/day",
            "/dueDates/1/workingDays",
            "/reportingUnits/kind",
            "/reportingUnits/unitIds");

    Map<String, Object> adHoc = body(code());
    adHoc.put("frequency", "AD_HOC");
    Response irregular = create("hcm-manager", adHoc);
    assertProblem(irregular, 400, "VALIDATION_FAILED");
    assertThat(pointers(irregular)).containsExactly("/frequency");

    Map<String, Object> reversed = body(code());
    reversed.put("lastPeriod", "2026Q2");
    assertThat(pointers(create("hcm-manager", reversed))).containsExactly("/lastPeriod");

    Map<String, Object> ranges = body(code());
    ranges.put("dueDates", List.of(dayOfMonth("commune", 13, 3)));
    assertThat(pointers(create("hcm-manager", ranges)))
        .containsExactly("/dueDates/0/level", "/dueDates/0/monthsAfter");
  }

  @Test
  void namedUnitsTemplateAndDocumentMustBeKnown() {
    // units: on the first day of the first period, in the caller's scope, every bad one listed
    Map<String, Object> b = body(code());
    b.put("collectingUnitId", UUID.randomUUID().toString());
    b.put(
        "reportingUnits",
        units("UNITS", null, null, List.of(SO_NOI_VU_HCM, SO_NOI_VU_HA_NOI, HCM)));
    Response unknown = create("hcm-manager", b);
    assertProblem(unknown, 422, "UNKNOWN_UNIT");
    assertThat(pointers(unknown)).containsExactly("/collectingUnitId", "/reportingUnits/unitIds/1");

    // Phòng Nội vụ quận Gò Vấp is in the manager's scope but gone by 2026
    Map<String, Object> gone = body(code());
    gone.put("collectingUnitId", PHONG_NOI_VU_GO_VAP);
    assertThat(pointers(create("hcm-manager", gone))).containsExactly("/collectingUnitId");

    Map<String, Object> otherCity = body(code());
    otherCity.put("reportingUnits", units("CHILD_UNITS_OF_KIND", "COMMUNE", HCM, null));
    otherCity.put("collectingUnitId", SO_NOI_VU_HA_NOI);
    assertThat(pointers(create("hcm-manager", otherCity))).containsExactly("/collectingUnitId");

    Map<String, Object> template = body(code());
    template.put("templateVersion", 9);
    Response notPublished = create("hcm-manager", template);
    assertProblem(notPublished, 422, "TEMPLATE_VERSION_NOT_PUBLISHED");
    assertThat(pointers(notPublished)).containsExactly("/templateVersion");
    template.put("templateId", UUID.randomUUID().toString());
    Response noTemplate = create("hcm-manager", template);
    assertProblem(noTemplate, 422, "UNKNOWN_REPORT_TEMPLATE");
    assertThat(pointers(noTemplate)).containsExactly("/templateId");

    Map<String, Object> document = body(code());
    document.put("sourceDirectiveId", UUID.randomUUID().toString());
    Response noDocument = create("hcm-manager", document);
    assertProblem(noDocument, 422, "UNKNOWN_DIRECTIVE");
    assertThat(pointers(noDocument)).containsExactly("/sourceDirectiveId");

    String code = code();
    assertThat(create("hcm-manager", body(code)).statusCode()).isEqualTo(201);
    Response taken = create("hcm-manager", body(code));
    assertProblem(taken, 409, "REPORTING_REGIME_CODE_TAKEN");
    assertThat(pointers(taken)).containsExactly("/code");
  }

  @Test
  void writersAreAdminsAndManagersReadersEveryoneInTheCollectingUnitsScope() {
    String hcm = createdId("hcm-manager", body(code()));
    // Hà Nội's regime, entered by an admin
    Map<String, Object> haNoi = body(code());
    haNoi.put("collectingUnitId", SO_NOI_VU_HA_NOI);
    haNoi.put("sourceDirectiveId", null);
    haNoi.put(
        "reportingUnits",
        units("CHILD_UNITS_OF_KIND", "COMMUNE", UnitIds.province("01").toString(), null));
    assertProblem(create("hcm-manager", haNoi), 422, "UNKNOWN_UNIT");
    String hn = createdId("admin", haNoi);

    // roles that may not write: 403, whatever the regime
    assertProblem(create("ward-officer", body(code())), 403, "FORBIDDEN");
    assertProblem(create("auditor", body(code())), 403, "FORBIDDEN");
    assertProblem(put("auditor", hcm, 0, body(code())), 403, "FORBIDDEN");
    assertProblem(transition("viewer", hn, 0, "ACTIVATE"), 403, "FORBIDDEN");

    // readers in scope of the collecting unit
    assertThat(json("auditor").get(BASE + "/" + hcm).statusCode()).isEqualTo(200);
    assertThat(json("integration").get(BASE + "/" + hcm).statusCode()).isEqualTo(200);
    assertThat(json("viewer").get(BASE + "/" + hn).statusCode()).isEqualTo(200);
    assertThat(periods("viewer", hn, null, null).statusCode()).isEqualTo(200);
    // out of scope: 404, as if it did not exist
    assertProblem(json("viewer").get(BASE + "/" + hcm), 404, "NOT_FOUND");
    assertProblem(periods("viewer", hcm, null, null), 404, "NOT_FOUND");
    assertProblem(ReportingRegimeFixtures.period("viewer", hcm, "2026Q3"), 404, "NOT_FOUND");
    // a ward's officer is not in the scope of Sở Nội vụ, but its ward reports in the city's regime:
    // it reads the regime and its periods (not Hà Nội's), and writes nothing; its scope holds the
    // old wards merged into it, which reported in Gò Vấp's regime of 2023
    assertThat(json("ward-officer").get(BASE + "/" + hcm).statusCode()).isEqualTo(200);
    assertThat(ReportingRegimeFixtures.period("ward-officer", hcm, "2026Q3").statusCode())
        .isEqualTo(200);
    assertThat(
            json("ward-officer").queryParam("limit", 500).get(BASE).jsonPath().getList("items.id"))
        .contains(hcm, DEMO_HCM, DEMO_GO_VAP_6T)
        .doesNotContain(hn);
    assertProblem(json("ward-officer").get(BASE + "/" + hn), 404, "NOT_FOUND");
    assertProblem(transition("ward-officer", hcm, 0, "RETIRE"), 403, "FORBIDDEN");
    assertProblem(json("hcm-manager").get(BASE + "/" + hn), 404, "NOT_FOUND");
    assertProblem(put("hcm-manager", hn, 0, haNoi), 404, "NOT_FOUND");
    assertProblem(transition("hcm-manager", hn, 0, "ACTIVATE"), 404, "NOT_FOUND");
    assertThat(json("viewer").queryParam("limit", 500).get(BASE).jsonPath().getList("items.id"))
        .contains(hn)
        .doesNotContain(hcm, DEMO_HCM, DEMO_GO_VAP_6T);
    assertProblem(
        json("hcm-manager").queryParam("collectingUnitId", SO_NOI_VU_HA_NOI).get(BASE),
        422,
        "UNKNOWN_UNIT");
    // the admin writes anywhere
    assertThat(transition("admin", hn, 0, "ACTIVATE").statusCode()).isEqualTo(200);
  }

  @Test
  void changesNeedTheCurrentETagAndRetriedCreationsAreReplayed() {
    String id = createdId("hcm-manager", body(code()));
    Map<String, Object> b = body(code());
    assertProblem(json("hcm-manager").body(b).put(BASE + "/" + id), 428, "PRECONDITION_REQUIRED");
    assertProblem(put("hcm-manager", id, 5, b), 412, "PRECONDITION_FAILED");
    assertProblem(
        json("hcm-manager")
            .body(Map.of("action", "ACTIVATE"))
            .post(BASE + "/" + id + "/transitions"),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(transition("hcm-manager", id, 5, "ACTIVATE"), 412, "PRECONDITION_FAILED");
    assertProblem(json("viewer").get(BASE + "/" + UUID.randomUUID()), 404, "NOT_FOUND");
    assertProblem(json("viewer").get(BASE + "/not-a-uuid"), 400, "INVALID_PARAMETER");

    Map<String, Object> body = body(code());
    String key = UUID.randomUUID().toString();
    Response first = json("hcm-manager").header("Idempotency-Key", key).body(body).post(BASE);
    Response again = json("hcm-manager").header("Idempotency-Key", key).body(body).post(BASE);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    assertProblem(
        json("hcm-manager").header("Idempotency-Key", key).body(body(code())).post(BASE),
        422,
        "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void everyMutationIsAuditedAndInTheChangeFeed() {
    String code = code();
    String id = createdId("hcm-manager", body(code));
    assertThat(put("hcm-manager", id, 0, body(code)).statusCode()).isEqualTo(200);
    assertThat(transition("hcm-manager", id, 1, "ACTIVATE").statusCode()).isEqualTo(200);
    assertThat(transition("hcm-manager", id, 2, "RETIRE").statusCode()).isEqualTo(200);

    JsonPath events =
        json("auditor")
            .queryParam("entityType", "REPORTING_REGIME")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action"))
        .containsExactly(
            "REPORTING_REGIME_RETIRE", "REPORTING_REGIME_ACTIVATE", "UPDATE", "CREATE");
    assertThat(events.getString("items[1].before.status")).isEqualTo("DRAFT");
    assertThat(events.getString("items[1].after.status")).isEqualTo("ACTIVE");
    assertThat(events.getString("items[0].actor")).isEqualTo("hcm-manager");

    List<Map<String, Object>> entries = vn.danvan.testing.Api.feedEntries("REPORTING_REGIME", id);
    assertThat(entries).extracting(e -> e.get("unitId")).containsOnly(SO_NOI_VU_HCM);
    List<Long> versions =
        entries.stream().map(e -> ((Number) e.get("version")).longValue()).toList();
    assertThat(versions).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void listFiltersAndCursorsBoundToThem() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> b = body(code());
      b.put("name", "Chế độ thử " + tag + " số " + i);
      ids.add(createdId("hcm-manager", b));
    }
    transition("hcm-manager", ids.get(0), 0, "ACTIVATE");

    JsonPath first =
        json("auditor").queryParam("q", tag).queryParam("limit", 2).get(BASE).jsonPath();
    assertThat(first.getList("items")).hasSize(2);
    String next = first.getString("next");
    assertThat(next).isNotNull();
    JsonPath second =
        json("auditor")
            .queryParam("q", tag)
            .queryParam("limit", 2)
            .queryParam("cursor", next)
            .get(BASE)
            .jsonPath();
    assertThat(second.getList("items")).hasSize(1);
    assertThat(second.getString("next")).isNull();
    List<String> all = new ArrayList<>(first.getList("items.id"));
    all.addAll(second.getList("items.id"));
    assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
    // the cursor belongs to its filters
    assertProblem(
        json("auditor")
            .queryParam("q", tag)
            .queryParam("status", "DRAFT")
            .queryParam("limit", 2)
            .queryParam("cursor", next)
            .get(BASE),
        400,
        "INVALID_CURSOR");

    assertThat(
            json("auditor")
                .queryParam("q", tag)
                .queryParam("status", "ACTIVE")
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .containsExactly(ids.get(0));
    assertThat(
            json("auditor")
                .queryParam("q", tag)
                .queryParam("collectingUnitId", HCM)
                .queryParam("orgUnitMode", "DESCENDANTS")
                .queryParam("frequency", "QUARTERLY")
                .queryParam("sourceDirectiveId", ReportingRegimeFixtures.KH_246)
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .hasSize(3);
    assertThat(
            json("auditor")
                .queryParam("q", tag)
                .queryParam("collectingUnitId", HCM)
                .get(BASE)
                .jsonPath()
                .getList("items"))
        .isEmpty();
    assertThat(
            json("auditor")
                .queryParam("q", tag)
                .queryParam("frequency", "MONTHLY")
                .get(BASE)
                .jsonPath()
                .getList("items"))
        .isEmpty();
    Response noUnit = json("auditor").queryParam("orgUnitMode", "CHILDREN").get(BASE);
    assertProblem(noUnit, 400, "VALIDATION_FAILED");
    assertThat(pointers(noUnit)).containsExactly("/query/collectingUnitId");
    // search ignores accents and case
    assertThat(
            json("auditor")
                .queryParam("q", "CHE DO THU " + tag)
                .get(BASE)
                .jsonPath()
                .getList("items"))
        .hasSize(3);
  }

  @Test
  void theDocumentedExampleWorksAsIs() throws Exception {
    JsonNode doc =
        MAPPER.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    JsonNode example =
        doc.at(
            "/paths/~1api~1v1~1reporting-regimes/post/requestBody/content/application~1json/examples/bao-cao-quy-cap-xa/value");
    ObjectNode body =
        (ObjectNode) (example.isTextual() ? MAPPER.readTree(example.textValue()) : example);
    assertThat(body.path("dueDates").size()).isEqualTo(2);
    // only the code changes: it is unique
    body.put("code", code());
    Response r = json("hcm-manager").body(MAPPER.writeValueAsString(body)).post(BASE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    String id = r.jsonPath().getString("id");
    assertThat(transition("hcm-manager", id, 0, "ACTIVATE").statusCode()).isEqualTo(200);
  }

  @Test
  void theDemoRegimesAreInForce() {
    JsonPath goVap = json("hcm-manager").get(BASE + "/" + DEMO_GO_VAP_6T).jsonPath();
    assertThat(goVap.getString("code")).isEqualTo("KH847-GV-2023-6T");
    assertThat(goVap.getString("status")).isEqualTo("ACTIVE");
    assertThat(goVap.getString("sourceDirectiveNumber")).isEqualTo("847/KH-UBND");
    assertThat(goVap.getString("collectingUnitId")).isEqualTo(PHONG_NOI_VU_GO_VAP);
    assertThat(goVap.getString("collectingUnitName")).isEqualTo("Phòng Nội vụ quận Gò Vấp");
    assertThat(goVap.getString("collectingUnitValidTo")).isEqualTo("2025-06-30");
    assertThat(goVap.getBoolean("cutOff.decree09")).isFalse();
    assertThat(goVap.getInt("cutOff.endMonths")).isEqualTo(-2);
    assertThat(goVap.getList("reportingUnits.unitIds")).hasSize(4);
    assertThat(
            json("hcm-manager")
                .queryParam("sourceDirectiveId", ReportingRegimeFixtures.KH_847)
                .get(BASE)
                .jsonPath()
                .getList("items.code"))
        .containsExactly("KH847-GV-2023-6T", "KH847-GV-2023-NAM");
    JsonPath hcm = json("auditor").get(BASE + "/" + DEMO_HCM).jsonPath();
    assertThat(hcm.getString("status")).isEqualTo("ACTIVE");
    assertThat(hcm.getString("lastPeriod")).isNull();
    assertThat(hcm.getBoolean("cutOff.decree09")).isTrue();

    JsonPath enums = json("viewer").get("/api/v1/reference/enums").jsonPath();
    assertThat(enums.getList("items.name"))
        .contains("ReportingRegimeStatus", "ReportingRegimeAction", "ReportingUnitTargets");
    assertThat(
            enums.getString(
                "items.find { it.name == 'ReportingRegimeStatus' }.values.find { it.code == 'ACTIVE' }.labelVi"))
        .isEqualTo("Đang áp dụng");
  }
}
