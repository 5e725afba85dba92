package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportTemplateFixtures.BASE;
import static vn.danvan.reporting.ReportTemplateFixtures.body;
import static vn.danvan.reporting.ReportTemplateFixtures.code;
import static vn.danvan.reporting.ReportTemplateFixtures.indicator;
import static vn.danvan.reporting.ReportTemplateFixtures.indicators;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.testing.Api;

/**
 * The indicator sources of the "Dân vận khéo" models (issue 14 §2): models registered, implemented
 * and recognised (by level) in a window, over a unit's subtree, with models on both edges of the
 * window and outside the subtree; and the template rule on MODELS_RECOGNISED's optional level.
 */
@QuarkusTest
class ModelFiguresTest {

  static final String MODELS = "/api/v1/good-practice-models";
  static final String KH_246 = "00000000-0000-4d0c-9022-079000000246";
  static final LocalDate FROM = LocalDate.parse("2026-03-01");
  static final LocalDate TO = LocalDate.parse("2026-06-30");

  @Inject ReportFigureService figures;
  @Inject Clock clock;

  @Test
  void modelsAreCountedInTheWindowOverTheSubtree() {
    String d = department(HO_CHI_MINH);
    String e = department(d);
    String outside = department(HO_CHI_MINH);
    // a: registered before, implemented from 10/02, recognised by the province on 01/03
    String a = model(d, "2026-02-28");
    start(a, 0, "2026-02-10");
    recognise(a, 1, "PROVINCE", "2026-03-01");
    // b: registered on the first day, implemented only after the window
    String b = model(d, "2026-03-01");
    start(b, 0, "2026-07-01");
    // c: registered on the last day, by the child unit
    model(e, "2026-06-30");
    // registered the day after
    model(d, "2026-07-01");
    // discontinued the day before the window
    String x = model(d, "2026-01-05");
    start(x, 0, "2026-01-10");
    transition(x, 1, Map.of("action", "DISCONTINUE", "date", "2026-02-28"));
    // implemented through the window, recognised the day after it
    String f = model(e, "2026-01-05");
    start(f, 0, "2026-01-10");
    recognise(f, 1, "PROVINCE", "2026-07-01");
    // recognised at the central level on the last day
    String g = model(d, "2026-01-05");
    start(g, 0, "2026-01-10");
    recognise(g, 1, "CENTRAL", "2026-06-30");
    // outside the subtree: counted nowhere here
    String o = model(outside, "2026-04-01");
    start(o, 0, "2026-04-02");
    recognise(o, 1, "PROVINCE", "2026-04-03");

    Map<String, ComputedFigure> of = compute(d);
    assertThat(value(of, "MODELS_REGISTERED")).isEqualTo(2);
    assertThat(value(of, "MODELS_IMPLEMENTING")).isEqualTo(3);
    assertThat(value(of, "MODELS_RECOGNISED")).isEqualTo(2);
    assertThat(value(of, "MODELS_RECOGNISED.PROVINCE")).isEqualTo(1);
    assertThat(value(of, "MODELS_RECOGNISED.CENTRAL")).isEqualTo(1);
    assertThat(value(of, "MODELS_RECOGNISED.COMMUNE")).isZero();
    assertThat(of.get("MODELS_RECOGNISED.NOPE").value()).isNull();
    // the child unit alone: c registered, f implemented
    Map<String, ComputedFigure> ofE = compute(e);
    assertThat(value(ofE, "MODELS_REGISTERED")).isEqualTo(1);
    assertThat(value(ofE, "MODELS_IMPLEMENTING")).isEqualTo(1);
    assertThat(value(ofE, "MODELS_RECOGNISED")).isZero();
    // a model shared by two units of the subtree is counted once
    Map<String, Object> shared = modelBody(d, "2026-04-10");
    shared.put("coUnitIds", List.of(e));
    created(shared);
    assertThat(value(compute(d), "MODELS_REGISTERED")).isEqualTo(3);
    assertThat(value(compute(e), "MODELS_REGISTERED")).isEqualTo(2);
  }

  @Test
  void theRecognisedSourceTakesAnOptionalLevel() {
    Map<String, Object> b = body(code());
    Map<String, Object> any = indicator("MH_CN", "INTEGER", "SUM");
    any.put("source", Map.of("kind", "MODELS_RECOGNISED"));
    Map<String, Object> province = indicator("MH_CN_TINH", "INTEGER", "SUM");
    province.put("source", Map.of("kind", "MODELS_RECOGNISED", "param", "PROVINCE"));
    indicators(b, 2).addAll(List.of(any, province));
    Response ok = json("hcm-manager").body(b).post(BASE);
    assertThat(ok.statusCode()).as(ok.asString()).isEqualTo(201);

    Map<String, Object> bad = body(code());
    Map<String, Object> ward = indicator("MH_CN_PHUONG", "INTEGER", "SUM");
    ward.put("source", Map.of("kind", "MODELS_RECOGNISED", "param", "WARD"));
    Map<String, Object> registered = indicator("MH_DK", "INTEGER", "SUM");
    registered.put("source", Map.of("kind", "MODELS_REGISTERED", "param", "PROVINCE"));
    indicators(bad, 2).addAll(List.of(ward, registered));
    Response r = json("hcm-manager").body(bad).post(BASE);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer"))
        .containsExactlyInAnyOrder(
            "/sections/2/indicators/1/source/param", "/sections/2/indicators/2/source/param");
  }

  // ------------------------------------------------------------------ helpers

  private Map<String, ComputedFigure> compute(String unit) {
    List<TemplateIndicator> all = new ArrayList<>();
    all.add(sourced("MODELS_REGISTERED", IndicatorSource.MODELS_REGISTERED, null));
    all.add(sourced("MODELS_IMPLEMENTING", IndicatorSource.MODELS_IMPLEMENTING, null));
    all.add(sourced("MODELS_RECOGNISED", IndicatorSource.MODELS_RECOGNISED, null));
    for (String level : List.of("COMMUNE", "DISTRICT", "PROVINCE", "CENTRAL", "NOPE")) {
      all.add(sourced("MODELS_RECOGNISED." + level, IndicatorSource.MODELS_RECOGNISED, level));
    }
    // the tree of today: the units of the test were created today
    return figures.compute(
        all,
        new FigureScope(
            null, "2026S1", UUID.fromString(unit), BusinessTime.today(clock), FROM, TO));
  }

  private static long value(Map<String, ComputedFigure> f, String code) {
    ComputedFigure x = f.get(code);
    assertThat(x).as(code).isNotNull();
    assertThat(x.value()).as(code).isNotNull();
    return x.value().longValue();
  }

  private static TemplateIndicator sourced(String code, IndicatorSource s, String param) {
    return new TemplateIndicator(
        code,
        "Chỉ tiêu " + code,
        null,
        "mô hình",
        IndicatorType.INTEGER,
        IndicatorAggregation.SUM,
        null,
        false,
        null,
        null,
        null,
        new IndicatorSourceSpec(s, param));
  }

  private static String department(String parent) {
    return Api.createDepartment("admin", Api.unique("Tổ số liệu mô hình"), parent)
        .jsonPath()
        .getString("id");
  }

  private static Map<String, Object> modelBody(String lead, String registeredOn) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("leadUnitId", lead);
    b.put("field", "ECONOMY");
    b.put("title", Api.unique("Mô hình số liệu"));
    b.put("startDate", "2026-01-01");
    b.put("registeredOn", registeredOn);
    return b;
  }

  private static String model(String lead, String registeredOn) {
    return created(modelBody(lead, registeredOn));
  }

  private static String created(Map<String, Object> body) {
    Response r = json("admin").body(body).post(MODELS);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  private static void start(String id, long version, String day) {
    transition(id, version, Map.of("action", "START_IMPLEMENTATION", "date", day));
  }

  private static void recognise(String id, long version, String level, String day) {
    transition(
        id,
        version,
        Map.of(
            "action",
            "RECOGNISE",
            "recognition",
            Map.of("level", level, "directiveId", KH_246, "date", day)));
  }

  private static void transition(String id, long version, Map<String, Object> body) {
    Response r =
        json("admin")
            .header("If-Match", "\"" + version + "\"")
            .body(body)
            .post(MODELS + "/" + id + "/transitions");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
  }
}
