package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportTemplateFixtures.BASE;
import static vn.danvan.reporting.ReportTemplateFixtures.DEMO;
import static vn.danvan.reporting.ReportTemplateFixtures.SO_NOI_VU_HCM;
import static vn.danvan.reporting.ReportTemplateFixtures.body;
import static vn.danvan.reporting.ReportTemplateFixtures.code;
import static vn.danvan.reporting.ReportTemplateFixtures.create;
import static vn.danvan.reporting.ReportTemplateFixtures.indicator;
import static vn.danvan.reporting.ReportTemplateFixtures.indicators;
import static vn.danvan.reporting.ReportTemplateFixtures.narrative;
import static vn.danvan.reporting.ReportTemplateFixtures.put;
import static vn.danvan.reporting.ReportTemplateFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/** The rules of a template's content, who writes templates, and the list. */
@QuarkusTest
class ReportTemplateRulesTest {

  private static List<String> pointers(Response r) {
    return r.jsonPath().getList("errors.pointer");
  }

  @Test
  void contentProblemsArePointedAt() {
    Map<String, Object> b = body(code());
    // a code repeated in another section
    indicators(b, 2).add(indicator("TCD_LUOT", "INTEGER", "SUM"));
    // a weighted average without its weight
    indicators(b, 1).get(2).remove("weightCode");
    // bounds reversed
    Map<String, Object> bounded = indicator("HN_NGUOI", "INTEGER", "SUM");
    bounded.put("min", 10);
    bounded.put("max", 5);
    indicators(b, 2).add(bounded);
    // a narrative section with indicators
    @SuppressWarnings("unchecked")
    List<Object> sections = (List<Object>) b.get("sections");
    Map<String, Object> narrative = narrative("DE_XUAT", "Đề xuất, kiến nghị");
    narrative.put("indicators", List.of(indicator("DX_1", "TEXT", "NONE")));
    sections.add(narrative);
    Response r = json("hcm-manager").body(b).post(BASE);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(pointers(r))
        .containsExactlyInAnyOrder(
            "/sections/2/indicators/1/code",
            "/sections/1/indicators/2/weightCode",
            "/sections/2/indicators/2/max",
            "/sections/4/indicators");
  }

  @Test
  void typesDecideAggregationsWeightsAndTargets() {
    Map<String, Object> b = body(code());
    Map<String, Object> note = indicator("GHI_CHU", "TEXT", "SUM");
    note.put("target", Map.of("operator", "GTE", "value", 1));
    Map<String, Object> held = indicator("DA_TO_CHUC", "BOOLEAN", "COUNT_TRUE");
    held.put("target", Map.of("operator", "GTE", "value", 1));
    Map<String, Object> rate = indicator("TY_LE", "PERCENT", "WEIGHTED_AVG");
    rate.put("weightCode", "GHI_CHU");
    rate.put("max", 120);
    Map<String, Object> byKind = indicator("TCD_KN", "INTEGER", "SUM");
    byKind.put("source", Map.of("kind", "VISITS_BY_CONTENT_KIND", "param", "GOSSIP"));
    Map<String, Object> ratio = indicator("TCD_TL", "DECIMAL", "AVG");
    ratio.put("source", Map.of("kind", "VISITS"));
    indicators(b, 2).addAll(List.of(note, held, rate, byKind, ratio));
    Response r = json("hcm-manager").body(b).post(BASE);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(pointers(r))
        .containsExactlyInAnyOrder(
            "/sections/2/indicators/1/aggregation",
            "/sections/2/indicators/1/target",
            "/sections/2/indicators/2/target/operator",
            "/sections/2/indicators/3/weightCode",
            "/sections/2/indicators/3/max",
            "/sections/2/indicators/4/source/param",
            "/sections/2/indicators/5/source/kind");
  }

  @Test
  void arraysAndCodesAreBounded() {
    Map<String, Object> b = body(code());
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(narrative("M" + i, "Mục " + i));
    }
    b.put("sections", many);
    Response r = json("hcm-manager").body(b).post(BASE);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(pointers(r)).containsExactly("/sections");

    Map<String, Object> wide = body(code());
    List<Map<String, Object>> row = indicators(wide, 2);
    for (int i = 0; i < 200; i++) {
      row.add(indicator("X" + i, "INTEGER", "SUM"));
    }
    Response tooWide = json("hcm-manager").body(wide).post(BASE);
    assertProblem(tooWide, 400, "VALIDATION_FAILED");
    assertThat(pointers(tooWide)).containsExactly("/sections/2/indicators");

    Map<String, Object> lower = body("bc-thuong");
    Response badCode = json("hcm-manager").body(lower).post(BASE);
    assertProblem(badCode, 400, "VALIDATION_FAILED");
    assertThat(pointers(badCode)).containsExactly("/code");

    String code = code();
    create("hcm-manager", body(code));
    Response taken = json("hcm-manager").body(body(code)).post(BASE);
    assertProblem(taken, 409, "REPORT_TEMPLATE_CODE_TAKEN");
  }

  @Test
  void managersWriteTheTemplatesOfTheirScope() {
    Map<String, Object> b = body(code());
    assertProblem(json("viewer").body(b).post(BASE), 403, "FORBIDDEN");
    assertProblem(json("ward-officer").body(b).post(BASE), 403, "FORBIDDEN");

    // an owner in another province is answered like one that does not exist
    Response otherProvince =
        json("hcm-manager").body(body(code(), "Mẫu Hà Nội", Api.HA_NOI)).post(BASE);
    assertProblem(otherProvince, 422, "UNKNOWN_UNIT");
    assertThat(pointers(otherProvince)).containsExactly("/ownerUnitId");
    Response nowhere =
        json("hcm-manager").body(body(code(), "Mẫu", UUID.randomUUID().toString())).post(BASE);
    assertProblem(nowhere, 422, "UNKNOWN_UNIT");
    // no owner: admins only
    Response ownerless = json("hcm-manager").body(body(code(), "Mẫu chung", null)).post(BASE);
    assertProblem(ownerless, 400, "VALIDATION_FAILED");
    assertThat(pointers(ownerless)).containsExactly("/ownerUnitId");
    String common = create("admin", body(code(), "Mẫu chung", null)).jsonPath().getString("id");

    // readable by everyone, written only in the owner's scope
    assertThat(json("viewer").get(BASE + "/" + DEMO).statusCode()).isEqualTo(200);
    long demoVersion = json("viewer").get(BASE + "/" + DEMO).jsonPath().getLong("version");
    assertProblem(put("hcm-manager", DEMO, demoVersion, body(code())), 403, "FORBIDDEN");
    assertProblem(transition("hcm-manager", common, 0, "PUBLISH"), 403, "FORBIDDEN");
    assertProblem(put("viewer", common, 0, body(code())), 403, "FORBIDDEN");
    String mine = create("hcm-manager", body(code())).jsonPath().getString("id");
    // moving the template to an owner outside the scope is refused like an unknown unit
    Response moved = put("hcm-manager", mine, 0, body(code(), "Mẫu", Api.HA_NOI));
    assertProblem(moved, 422, "UNKNOWN_UNIT");
    assertThat(transition("admin", mine, 0, "PUBLISH").statusCode()).isEqualTo(200);
  }

  @Test
  void theListPagesByCodeWithCursorsBoundToTheirFilters() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          create("hcm-manager", body(code(), "Báo cáo dân vận " + tag + " số " + i, SO_NOI_VU_HCM))
              .jsonPath()
              .getString("id"));
    }
    assertThat(transition("hcm-manager", ids.get(0), 0, "PUBLISH").statusCode()).isEqualTo(200);

    Response first = json("viewer").queryParam("q", tag).queryParam("limit", 2).get(BASE);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
    List<String> codes = new ArrayList<>(first.jsonPath().getList("items.code"));
    assertThat(codes).hasSize(2);
    assertThat(first.jsonPath().getString("items[0].sections")).isNull();
    String next = first.jsonPath().getString("next");
    assertThat(next).isNotNull();
    Response second =
        json("viewer")
            .queryParam("q", tag)
            .queryParam("limit", 2)
            .queryParam("cursor", next)
            .get(BASE);
    codes.addAll(second.jsonPath().getList("items.code"));
    assertThat(second.jsonPath().getString("next")).isNull();
    assertThat(codes).hasSize(3).isSorted().doesNotHaveDuplicates();

    // the cursor belongs to its filters
    assertProblem(
        json("viewer")
            .queryParam("q", tag)
            .queryParam("status", "DRAFT")
            .queryParam("limit", 2)
            .queryParam("cursor", next)
            .get(BASE),
        400,
        "INVALID_CURSOR");

    assertThat(
            json("viewer")
                .queryParam("q", tag)
                .queryParam("status", "PUBLISHED")
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .containsExactly(ids.get(0));
    assertThat(
            json("viewer")
                .queryParam("q", tag)
                .queryParam("ownerUnitId", Api.HO_CHI_MINH)
                .queryParam("orgUnitMode", "DESCENDANTS")
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(
            json("viewer")
                .queryParam("q", tag)
                .queryParam("ownerUnitId", Api.HO_CHI_MINH)
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .isEmpty();
    Response modeAlone = json("viewer").queryParam("orgUnitMode", "DESCENDANTS").get(BASE);
    assertProblem(modeAlone, 400, "VALIDATION_FAILED");
    assertThat(pointers(modeAlone)).containsExactly("/query/ownerUnitId");
    // search ignores accents and case
    assertThat(
            json("viewer")
                .queryParam("q", "DAN VAN CHINH QUYEN")
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .contains(DEMO);
  }
}
