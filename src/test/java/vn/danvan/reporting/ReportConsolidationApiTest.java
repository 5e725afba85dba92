package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportingRegimeFixtures.DEMO_HCM;
import static vn.danvan.reporting.ReportingRegimeFixtures.SO_NOI_VU_HA_NOI;
import static vn.danvan.reporting.ReportingRegimeFixtures.SO_NOI_VU_HCM;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/**
 * Consolidation over HTTP (issue 11 §6): each aggregation rule over the accepted (or also the
 * submitted) versions, weighted averages and units missing values, the provenance, staleness after
 * a return, a resubmission and an acceptance, old versions readable, the figures of a unit's own
 * report read from its department's consolidation, role × scope and bad input. Submissions are
 * arranged in the V22 tables directly ({@link SubmissionRows}).
 */
@QuarkusTest
class ReportConsolidationApiTest {

  static final String BASE = "/api/v1/report-consolidations";

  @Inject DataSource dataSource;

  SubmissionRows rows;

  @BeforeEach
  void setUp() {
    rows = new SubmissionRows(dataSource);
  }

  /** A published template with one indicator of each rule, owned by Sở Nội vụ TP HCM. */
  static String ruleTemplate() {
    Map<String, Object> sum = ReportTemplateFixtures.indicator("N_SUM", "INTEGER", "SUM");
    Map<String, Object> avg = ReportTemplateFixtures.indicator("N_AVG", "DECIMAL", "AVG");
    Map<String, Object> weighted =
        ReportTemplateFixtures.indicator("N_W", "PERCENT", "WEIGHTED_AVG");
    weighted.put("weightCode", "N_SUM");
    Map<String, Object> min = ReportTemplateFixtures.indicator("N_MIN", "INTEGER", "MIN");
    Map<String, Object> max = ReportTemplateFixtures.indicator("N_MAX", "INTEGER", "MAX");
    Map<String, Object> yes = ReportTemplateFixtures.indicator("B_CT", "BOOLEAN", "COUNT_TRUE");
    Map<String, Object> note = ReportTemplateFixtures.indicator("T_NOTE", "TEXT", "NONE");
    Map<String, Object> body = new LinkedHashMap<>();
    String code = ReportTemplateFixtures.code();
    body.put("code", code);
    body.put("name", "Mẫu thử tổng hợp " + code);
    body.put("ownerUnitId", SO_NOI_VU_HCM);
    body.put(
        "sections",
        List.of(
            ReportTemplateFixtures.narrative("KET_QUA", "Kết quả đạt được"),
            ReportTemplateFixtures.section(
                "SO_LIEU", "Số liệu", List.of(sum, avg, weighted, min, max, yes, note))));
    String id = ReportTemplateFixtures.create("hcm-manager", body).jsonPath().getString("id");
    Response published = ReportTemplateFixtures.transition("hcm-manager", id, 0, "PUBLISH");
    assertThat(published.statusCode()).as(published.asString()).isEqualTo(200);
    return id;
  }

  /** The wards of TP HCM after the reform (the demo regime's expected units). */
  static List<String> wards() {
    List<String> wards =
        json("hcm-manager")
            .get(ReportingRegimeFixtures.BASE + "/" + DEMO_HCM + "/periods/2026S1")
            .jsonPath()
            .<String>getList("expectedUnits.unitId")
            .stream()
            .filter(Api::demoUnit)
            .toList();
    assertThat(wards).hasSizeGreaterThanOrEqualTo(6);
    return wards.subList(0, 6);
  }

  /** A quarterly regime of the template over the listed units, collected by Sở Nội vụ TP HCM. */
  static String regime(String template, List<String> units) {
    Map<String, Object> b = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    b.put("templateId", template);
    b.put("reportingUnits", ReportingRegimeFixtures.units("UNITS", null, null, units));
    return ReportingRegimeFixtures.createdId("hcm-manager", b);
  }

  static LocalDate communeDue(String regime, String period) {
    return LocalDate.parse(
        ReportingRegimeFixtures.period("hcm-manager", regime, period)
            .jsonPath()
            .getString("dueDates[0].dueDate"));
  }

  static Response consolidate(String user, String regime, String period, Boolean submitted) {
    Map<String, Object> body = new HashMap<>();
    body.put("regimeId", regime);
    body.put("period", period);
    if (submitted != null) {
      body.put("includeSubmitted", submitted);
    }
    return json(user).body(body).post(BASE);
  }

  static JsonPath created(String user, String regime, String period, Boolean submitted) {
    Response r = consolidate(user, regime, period, submitted);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(r.header("Location")).endsWith(BASE + "/" + r.jsonPath().getString("id"));
    // the answer is the summary: provenance (the inputs with their values) is on the version's URL
    assertThat(r.jsonPath().getList("inputs")).isNull();
    assertThat(r.jsonPath().getList("missingUnits")).isNotNull();
    return r.jsonPath();
  }

  /** The version a POST created, read at its Location: with its provenance. */
  static JsonPath provenance(JsonPath created) {
    Response r = json("hcm-manager").get(BASE + "/" + created.getString("id"));
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  static Map<String, Object> values(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String indicator(JsonPath p, String code, String field) {
    return p.getString("indicators.find { it.code == '" + code + "' }." + field);
  }

  @Test
  void eachRuleOverTheAcceptedReportsWithProvenance() {
    String template = ruleTemplate();
    List<String> w = wards();
    String regime = regime(template, w);
    LocalDate due = communeDue(regime, "2026Q3");
    UUID s0 = rows.draft(regime, "2026Q3", w.get(0), due);
    rows.submit(
        s0,
        values(
            "N_SUM", 10, "N_AVG", 1.5, "N_W", 80, "N_MIN", 3, "N_MAX", 7, "B_CT", true, "T_NOTE",
            "a"),
        false);
    rows.accept(s0);
    UUID s1 = rows.draft(regime, "2026Q3", w.get(1), due);
    rows.submit(
        s1,
        values(
            "N_SUM", 30, "N_AVG", 2.25, "N_W", 90, "N_MIN", 5, "N_MAX", 9, "B_CT", false, "T_NOTE",
            "b"),
        false);
    rows.accept(s1);
    // no rate, no average: left out of those two and listed
    UUID s2 = rows.draft(regime, "2026Q3", w.get(2), due);
    rows.submit(s2, values("N_SUM", 20, "N_MIN", 1, "N_MAX", 4, "B_CT", true), false);
    rows.accept(s2);
    // submitted late, not yet accepted
    UUID s3 = rows.draft(regime, "2026Q3", w.get(3), due);
    rows.submit(s3, values("N_SUM", 100, "N_W", 50, "N_MIN", 0, "B_CT", true), true);
    // returned
    UUID s4 = rows.draft(regime, "2026Q3", w.get(4), due);
    rows.submit(s4, values("N_SUM", 1000), false);
    rows.giveBack(s4);
    // w5: nothing

    JsonPath c = created("hcm-manager", regime, "2026Q3", null);
    assertThat(c.getInt("number")).isEqualTo(1);
    assertThat(c.getBoolean("includeSubmitted")).isFalse();
    assertThat(c.getBoolean("stale")).isFalse();
    assertThat(c.getString("collectingUnitId")).isEqualTo(SO_NOI_VU_HCM);
    assertThat(c.getString("templateId")).isEqualTo(template);
    assertThat(indicator(c, "N_SUM", "value")).isEqualTo("60");
    assertThat(indicator(c, "N_SUM", "valueCount")).isEqualTo("3");
    // (1.5 + 2.25) / 2 = 1.875, two decimals half-up
    assertThat(indicator(c, "N_AVG", "value")).isEqualTo("1.88");
    assertThat(c.getList("indicators.find { it.code == 'N_AVG' }.missingUnitIds"))
        .containsExactly(w.get(2));
    // (80 × 10 + 90 × 30) / 40
    assertThat(indicator(c, "N_W", "value")).isEqualTo("87.5");
    assertThat(indicator(c, "N_W", "valueCount")).isEqualTo("2");
    assertThat(c.getList("indicators.find { it.code == 'N_W' }.missingUnitIds"))
        .containsExactly(w.get(2));
    assertThat(indicator(c, "N_MIN", "value")).isEqualTo("1");
    assertThat(indicator(c, "N_MAX", "value")).isEqualTo("9");
    assertThat(indicator(c, "B_CT", "value")).isEqualTo("2");
    assertThat(indicator(c, "B_CT", "valueCount")).isEqualTo("3");
    assertThat(indicator(c, "T_NOTE", "value")).isNull();
    assertThat(indicator(c, "T_NOTE", "valueCount")).isEqualTo("2");
    assertThat(indicator(c, "N_W", "aggregation")).isEqualTo("WEIGHTED_AVG");
    assertThat(indicator(c, "N_W", "weightCode")).isEqualTo("N_SUM");
    // provenance: which reports and versions fed it, with their values
    JsonPath p = provenance(c);
    assertThat(p.getList("inputs.unitId")).containsExactly(w.get(0), w.get(1), w.get(2));
    assertThat(p.getList("inputs.submissionId"))
        .containsExactly(s0.toString(), s1.toString(), s2.toString());
    assertThat(p.getList("inputs.versionNumber")).containsExactly(1, 1, 1);
    assertThat(p.getList("inputs.decision")).containsOnly("ACCEPTED");
    assertThat(p.getInt("inputs[1].values.N_SUM")).isEqualTo(30);
    assertThat(p.getString("inputs[0].values.T_NOTE")).isEqualTo("a");
    assertThat(p.getList("missingUnits.unitId")).isEqualTo(c.getList("missingUnits.unitId"));
    assertThat(p.getList("indicators")).isEqualTo(c.getList("indicators"));
    assertThat(c.getInt("expectedUnitCount")).isEqualTo(6);
    assertThat(c.getInt("inputCount")).isEqualTo(3);
    assertThat(c.getList("missingUnits.unitId")).containsExactly(w.get(3), w.get(4), w.get(5));
    assertThat(c.getList("missingUnits.status")).containsExactly("SUBMITTED", "RETURNED", null);
    assertThat(c.getList("lateUnits.unitId")).containsExactly(w.get(3));
    assertThat(c.getList("returnedUnits.unitId")).containsExactly(w.get(4));
    assertThat(c.getInt("lateUnitCount")).isEqualTo(1);
    assertThat(c.getInt("returnedUnitCount")).isEqualTo(1);

    // also the submitted version not yet accepted (the returned one never)
    JsonPath all = created("hcm-manager", regime, "2026Q3", true);
    assertThat(all.getInt("number")).isEqualTo(2);
    assertThat(provenance(all).getList("inputs.unitId"))
        .containsExactly(w.get(0), w.get(1), w.get(2), w.get(3));
    assertThat(provenance(all).getList("inputs.decision"))
        .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", null);
    assertThat(indicator(all, "N_SUM", "value")).isEqualTo("160");
    // (800 + 2700 + 50 × 100) / 140 = 60.714…
    assertThat(indicator(all, "N_W", "value")).isEqualTo("60.71");
    assertThat(indicator(all, "N_MIN", "value")).isEqualTo("0");
    assertThat(indicator(all, "B_CT", "value")).isEqualTo("3");
    assertThat(all.getList("missingUnits.unitId")).containsExactly(w.get(4), w.get(5));

    // read back, by id and as the latest of the period
    JsonPath read = json("auditor").get(BASE + "/" + c.getString("id")).jsonPath();
    assertThat(read.getInt("number")).isEqualTo(1);
    assertThat(indicator(read, "N_W", "value")).isEqualTo("87.5");
    assertThat(read.getList("inputs.versionNumber")).containsExactly(1, 1, 1);
    JsonPath list =
        json("auditor")
            .queryParam("regimeId", regime)
            .queryParam("period", "2026Q3")
            .get(BASE)
            .jsonPath();
    assertThat(list.getList("items.number")).containsExactly(2, 1);
    assertThat(list.getList("items.inputs")).containsOnlyNulls();
    JsonPath latest =
        json("auditor")
            .queryParam("regimeId", regime)
            .queryParam("period", "2026Q3")
            .queryParam("limit", 1)
            .get(BASE)
            .jsonPath();
    assertThat(latest.getList("items.number")).containsExactly(2);
    JsonPath older =
        json("auditor")
            .queryParam("regimeId", regime)
            .queryParam("period", "2026Q3")
            .queryParam("limit", 1)
            .queryParam("cursor", latest.getString("next"))
            .get(BASE)
            .jsonPath();
    assertThat(older.getList("items.number")).containsExactly(1);
    assertThat(older.getString("next")).isNull();
  }

  @Test
  void aReturnAResubmissionAndAnAcceptanceMakeItStale() {
    String template = ruleTemplate();
    List<String> w = wards().subList(0, 2);
    String regime = regime(template, w);
    LocalDate due = communeDue(regime, "2026Q4");
    UUID s0 = rows.draft(regime, "2026Q4", w.get(0), due);
    rows.submit(s0, values("N_SUM", 5), false);
    UUID s1 = rows.draft(regime, "2026Q4", w.get(1), due);
    rows.submit(s1, values("N_SUM", 7), false);
    rows.accept(s1);
    String withSubmitted = created("hcm-manager", regime, "2026Q4", true).getString("id");
    JsonPath accepted = created("hcm-manager", regime, "2026Q4", false);
    String acceptedOnly = accepted.getString("id");
    assertThat(indicator(accepted, "N_SUM", "value")).isEqualTo("7");

    rows.giveBack(s0);
    JsonPath a = json("hcm-manager").get(BASE + "/" + withSubmitted).jsonPath();
    assertThat(a.getBoolean("stale")).isTrue();
    assertThat(a.getList("staleReasons.kind")).containsExactly("RETURNED");
    assertThat(a.getList("staleReasons.unitId")).containsExactly(w.get(0));
    assertThat(a.getList("staleReasons.usedVersion")).containsExactly(1);
    assertThat(a.getList("staleReasons.currentVersion")).containsExactly((Object) null);
    assertThat(json("hcm-manager").get(BASE + "/" + acceptedOnly).jsonPath().getBoolean("stale"))
        .isFalse();

    rows.submit(s0, values("N_SUM", 6), false);
    a = json("hcm-manager").get(BASE + "/" + withSubmitted).jsonPath();
    assertThat(a.getList("staleReasons.kind")).containsExactly("RESUBMITTED");
    assertThat(a.getList("staleReasons.currentVersion")).containsExactly(2);
    assertThat(json("hcm-manager").get(BASE + "/" + acceptedOnly).jsonPath().getBoolean("stale"))
        .isFalse();

    rows.accept(s0);
    JsonPath b = json("hcm-manager").get(BASE + "/" + acceptedOnly).jsonPath();
    assertThat(b.getBoolean("stale")).isTrue();
    assertThat(b.getList("staleReasons.kind")).containsExactly("ACCEPTED");
    assertThat(b.getList("staleReasons.usedVersion")).containsExactly((Object) null);
    assertThat(b.getList("staleReasons.currentVersion")).containsExactly(2);
    assertThat(
            json("hcm-manager")
                .get(BASE + "/" + withSubmitted)
                .jsonPath()
                .getList("staleReasons.kind"))
        .containsExactly("ACCEPTED");

    // recomputed: a new version, fresh; the old ones stay readable as they were
    JsonPath again = created("hcm-manager", regime, "2026Q4", null);
    assertThat(again.getInt("number")).isEqualTo(3);
    assertThat(again.getBoolean("stale")).isFalse();
    assertThat(indicator(again, "N_SUM", "value")).isEqualTo("13");
    assertThat(provenance(again).getList("inputs.versionNumber")).containsExactly(2, 1);
    JsonPath old = json("hcm-manager").get(BASE + "/" + acceptedOnly).jsonPath();
    assertThat(old.getInt("number")).isEqualTo(2);
    assertThat(indicator(old, "N_SUM", "value")).isEqualTo("7");
    assertThat(old.getList("inputs.unitId")).containsExactly(w.get(1));
  }

  @Inject ConsolidatedFigures figures;

  @Test
  void theUnitsOwnReportReadsItsDepartmentsConsolidation() {
    String template = ruleTemplate();
    List<String> w = wards().subList(0, 2);
    String regime = regime(template, w);
    LocalDate due = communeDue(regime, "2027Q1");
    UUID s0 = rows.draft(regime, "2027Q1", w.get(0), due);
    rows.submit(s0, values("N_SUM", 11, "N_W", 40), false);
    rows.accept(s0);
    created("hcm-manager", regime, "2027Q1", null);
    // the city's own report: Sở Nội vụ (a department of the city) consolidated its communes
    List<TemplateIndicator> indicators =
        List.of(
            new TemplateIndicator(
                "N_SUM",
                "Tổng",
                null,
                null,
                IndicatorType.INTEGER,
                IndicatorAggregation.SUM,
                null,
                null,
                null,
                null,
                null,
                new IndicatorSourceSpec(IndicatorSource.CONSOLIDATED, null)),
            new TemplateIndicator(
                "N_W",
                "Tỷ lệ",
                null,
                null,
                IndicatorType.PERCENT,
                IndicatorAggregation.WEIGHTED_AVG,
                "N_SUM",
                null,
                null,
                null,
                null,
                new IndicatorSourceSpec(IndicatorSource.CONSOLIDATED, null)),
            new TemplateIndicator(
                "N_MAX",
                "Lớn nhất",
                null,
                null,
                IndicatorType.INTEGER,
                IndicatorAggregation.MAX,
                null,
                null,
                null,
                null,
                null,
                null));
    FigureScope scope =
        new FigureScope(
            UUID.fromString(regime),
            "2027Q1",
            UUID.fromString(Api.HO_CHI_MINH),
            LocalDate.of(2027, 3, 31),
            LocalDate.of(2026, 12, 15),
            LocalDate.of(2027, 3, 14));
    Map<String, ComputedFigure> computed = figures.compute(indicators, scope);
    assertThat(computed).containsOnlyKeys("N_SUM", "N_W");
    assertThat(computed.get("N_SUM").value().asInt()).isEqualTo(11);
    assertThat(computed.get("N_W").value().decimalValue()).isEqualByComparingTo("40");
    assertThat(computed.get("N_SUM").source().kind()).isEqualTo(IndicatorSource.CONSOLIDATED);
    // another period: nothing consolidated yet
    FigureScope other =
        new FigureScope(
            UUID.fromString(regime),
            "2027Q2",
            UUID.fromString(Api.HO_CHI_MINH),
            LocalDate.of(2027, 6, 30),
            LocalDate.of(2027, 3, 15),
            LocalDate.of(2027, 6, 14));
    assertThat(figures.compute(indicators, other).get("N_SUM").value()).isNull();
  }

  @Inject ConsolidationSlots slots;

  @Test
  void beyondTheConcurrentSlotsAConsolidationIsRefusedBusyNotQueued() {
    String regime = regime(ruleTemplate(), wards().subList(0, 1));
    int taken = slots.takeAll();
    Response busy;
    try {
      busy = consolidate("hcm-manager", regime, "2027Q2", null);
    } finally {
      slots.give(taken);
    }
    assertProblem(busy, 429, "BUSY");
    assertThat(busy.header("Retry-After")).isEqualTo("2");
    // nothing was written: the same request now creates version 1
    assertThat(created("hcm-manager", regime, "2027Q2", null).getInt("number")).isEqualTo(1);
  }

  @Test
  void rolesScopesAndBadInput() {
    String template = ruleTemplate();
    List<String> w = wards().subList(0, 1);
    String regime = regime(template, w);
    String id = created("hcm-manager", regime, "2027Q2", null).getString("id");
    // readers in scope read; out of scope: 404
    assertThat(json("auditor").get(BASE + "/" + id).statusCode()).isEqualTo(200);
    assertProblem(json("viewer").get(BASE + "/" + id), 404, "NOT_FOUND");
    assertProblem(json("hcm-manager").get(BASE + "/" + UUID.randomUUID()), 404, "NOT_FOUND");
    // readers do not compute
    assertProblem(consolidate("auditor", regime, "2027Q2", null), 403, "FORBIDDEN");
    assertProblem(consolidate("viewer", regime, "2027Q2", null), 403, "FORBIDDEN");
    // an officer of a ward is not in the collecting unit's scope
    Response ward = consolidate("ward-officer", regime, "2027Q2", null);
    assertProblem(ward, 422, "UNKNOWN_REPORTING_REGIME");
    assertThat(ward.jsonPath().getList("errors.pointer")).containsExactly("/regimeId");

    // another province's regime and units
    Map<String, Object> hn = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    hn.put("sourceDirectiveId", null);
    hn.put("collectingUnitId", SO_NOI_VU_HA_NOI);
    hn.put(
        "reportingUnits",
        ReportingRegimeFixtures.units("CHILD_UNITS_OF_KIND", "COMMUNE", Api.HA_NOI, null));
    String hanoi = ReportingRegimeFixtures.createdId("admin", hn);
    assertProblem(
        consolidate("hcm-manager", hanoi, "2026Q3", null), 422, "UNKNOWN_REPORTING_REGIME");
    Response foreignUnit =
        json("hcm-manager")
            .body(Map.of("regimeId", regime, "period", "2027Q2", "orgUnitId", Api.HA_NOI))
            .post(BASE);
    assertProblem(foreignUnit, 422, "UNKNOWN_UNIT");
    assertThat(foreignUnit.jsonPath().getList("errors.pointer")).containsExactly("/orgUnitId");
    assertProblem(
        json("hcm-manager").queryParam("regimeId", hanoi).queryParam("period", "2026Q3").get(BASE),
        422,
        "UNKNOWN_REPORTING_REGIME");
    // a unit with no expected unit below it
    Response none =
        json("hcm-manager")
            .body(Map.of("regimeId", regime, "period", "2027Q2", "orgUnitId", w.get(0)))
            .post(BASE);
    assertProblem(none, 400, "VALIDATION_FAILED");
    assertThat(none.jsonPath().getList("errors.pointer")).containsExactly("/orgUnitId");

    // bad input
    for (String period : List.of("2027S1", "2031Q1", "xyz")) {
      Response bad = consolidate("hcm-manager", regime, period, null);
      assertProblem(bad, 400, "VALIDATION_FAILED");
      assertThat(bad.jsonPath().getList("errors.pointer")).containsExactly("/period");
    }
    Response missing = json("hcm-manager").body(Map.of("regimeId", regime)).post(BASE);
    assertProblem(missing, 400, "VALIDATION_FAILED");
    assertProblem(
        json("hcm-manager").body(Map.of("regimeId", "not-a-uuid", "period", "2027Q2")).post(BASE),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        consolidate("hcm-manager", UUID.randomUUID().toString(), "2027Q2", null),
        422,
        "UNKNOWN_REPORTING_REGIME");
    Response noRegime = json("hcm-manager").queryParam("period", "2027Q2").get(BASE);
    assertProblem(noRegime, 400, "VALIDATION_FAILED");
    assertThat(noRegime.jsonPath().getList("errors.pointer")).containsExactly("/query/regimeId");
    Response badPeriod =
        json("hcm-manager").queryParam("regimeId", regime).queryParam("period", "2027").get(BASE);
    assertProblem(badPeriod, 400, "VALIDATION_FAILED");
    assertThat(badPeriod.jsonPath().getList("errors.pointer")).containsExactly("/query/period");
  }
}
