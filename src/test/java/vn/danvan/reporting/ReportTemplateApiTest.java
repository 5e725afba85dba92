package vn.danvan.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportTemplateFixtures.BASE;
import static vn.danvan.reporting.ReportTemplateFixtures.BO_NOI_VU;
import static vn.danvan.reporting.ReportTemplateFixtures.DEMO;
import static vn.danvan.reporting.ReportTemplateFixtures.body;
import static vn.danvan.reporting.ReportTemplateFixtures.code;
import static vn.danvan.reporting.ReportTemplateFixtures.create;
import static vn.danvan.reporting.ReportTemplateFixtures.indicator;
import static vn.danvan.reporting.ReportTemplateFixtures.indicators;
import static vn.danvan.reporting.ReportTemplateFixtures.newVersion;
import static vn.danvan.reporting.ReportTemplateFixtures.put;
import static vn.danvan.reporting.ReportTemplateFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Report templates over HTTP: the life of versions (draft edited, published frozen, a change is a
 * new version, old versions unchanged), ETag and If-Match, Idempotency-Key, audit and change feed,
 * and the demo template.
 */
@QuarkusTest
class ReportTemplateApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aPublishedVersionIsFrozenAndAChangeIsANewVersion() {
    String code = code();
    Map<String, Object> draft = body(code);
    Response created = create("hcm-manager", draft);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.jsonPath().getString("status")).isEqualTo("DRAFT");
    assertThat(created.jsonPath().getInt("latestNumber")).isEqualTo(1);
    assertThat(created.jsonPath().getString("publishedNumber")).isNull();
    assertThat(created.jsonPath().getList("versions.number")).containsExactly(1);
    // defaults are filled in and texts normalised
    assertThat(created.jsonPath().getBoolean("sections[1].narrative")).isFalse();
    assertThat(created.jsonPath().getBoolean("sections[1].indicators[1].required")).isFalse();

    Response read = json("viewer").get(BASE + "/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    assertThat(read.jsonPath().getString("code")).isEqualTo(code);
    assertThat(read.jsonPath().getString("sections[1].indicators[2].weightCode"))
        .isEqualTo("KNTC_THU_LY");
    assertThat(read.jsonPath().getDouble("sections[1].indicators[2].target.value")).isEqualTo(85.0);

    // the draft is edited in place
    draft.put("name", "Báo cáo sáu tháng " + code);
    indicators(draft, 2).add(indicator("HN_NGUOI_THAM_DU", "INTEGER", "SUM"));
    Response edited = put("hcm-manager", id, 0, draft);
    assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
    assertThat(edited.header("ETag")).isEqualTo("\"1\"");
    assertThat(edited.jsonPath().getList("sections[2].indicators.code"))
        .containsExactly("HN_SO_HOI_NGHI", "HN_NGUOI_THAM_DU");
    assertThat(edited.jsonPath().getList("versions.number")).containsExactly(1);

    Response published = transition("hcm-manager", id, 1, "PUBLISH");
    assertThat(published.statusCode()).as(published.asString()).isEqualTo(200);
    assertThat(published.jsonPath().getString("status")).isEqualTo("PUBLISHED");
    assertThat(published.jsonPath().getInt("publishedNumber")).isEqualTo(1);
    assertThat(published.jsonPath().getString("versions[0].publishedAt")).isNotNull();
    assertThat(published.header("ETag")).isEqualTo("\"2\"");

    // frozen: no edit, no second publication
    assertProblem(put("hcm-manager", id, 2, draft), 409, "REPORT_TEMPLATE_PUBLISHED");
    Response again = transition("hcm-manager", id, 2, "PUBLISH");
    assertProblem(again, 409, "ILLEGAL_TRANSITION");
    assertThat(again.jsonPath().getString("detail")).contains("mẫu báo cáo").contains("PUBLISHED");

    // a change is a new version
    Map<String, Object> next =
        body(code, "Báo cáo năm " + code, ReportTemplateFixtures.SO_NOI_VU_HCM);
    indicators(next, 1).remove(2);
    Response v2 = newVersion("hcm-manager", id, 2, next);
    assertThat(v2.statusCode()).as(v2.asString()).isEqualTo(201);
    assertThat(v2.header("Location")).endsWith(BASE + "/" + id + "/versions/2");
    assertThat(v2.header("ETag")).isEqualTo("\"3\"");
    assertThat(v2.jsonPath().getInt("latestNumber")).isEqualTo(2);
    assertThat(v2.jsonPath().getString("status")).isEqualTo("DRAFT");
    assertThat(v2.jsonPath().getInt("publishedNumber")).isEqualTo(1);
    assertThat(v2.jsonPath().getString("name")).isEqualTo("Báo cáo năm " + code);
    assertThat(v2.jsonPath().getList("versions.status")).containsExactly("PUBLISHED", "DRAFT");
    assertProblem(newVersion("hcm-manager", id, 3, next), 409, "REPORT_TEMPLATE_DRAFT_OPEN");

    // the old version is still readable, unchanged
    JsonPath v1 =
        json("viewer")
            .get(BASE + "/" + id + "/versions/1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(v1.getString("status")).isEqualTo("PUBLISHED");
    assertThat(v1.getString("name")).isEqualTo("Báo cáo sáu tháng " + code);
    assertThat(v1.getList("sections[1].indicators.code"))
        .containsExactly("TCD_LUOT", "KNTC_THU_LY", "KNTC_TY_LE");
    assertThat(v1.getList("sections[2].indicators.code"))
        .containsExactly("HN_SO_HOI_NGHI", "HN_NGUOI_THAM_DU");

    // publishing version 2 supersedes version 1, whose content stays as it was
    Response p2 = transition("hcm-manager", id, 3, "PUBLISH");
    assertThat(p2.statusCode()).as(p2.asString()).isEqualTo(200);
    assertThat(p2.jsonPath().getInt("publishedNumber")).isEqualTo(2);
    assertThat(p2.jsonPath().getList("versions.status")).containsExactly("SUPERSEDED", "PUBLISHED");
    JsonPath old = json("viewer").get(BASE + "/" + id + "/versions/1").jsonPath();
    assertThat(old.getString("status")).isEqualTo("SUPERSEDED");
    assertThat(old.getList("sections[1].indicators.code"))
        .containsExactly("TCD_LUOT", "KNTC_THU_LY", "KNTC_TY_LE");
    assertThat(
            json("viewer")
                .get(BASE + "/" + id + "/versions/2")
                .jsonPath()
                .getList("sections[1].indicators.code"))
        .containsExactly("TCD_LUOT", "KNTC_THU_LY");
    assertProblem(json("viewer").get(BASE + "/" + id + "/versions/3"), 404, "NOT_FOUND");
  }

  @Test
  void theDocumentedExampleWorksAsIs() throws Exception {
    JsonNode doc =
        MAPPER.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    JsonNode example =
        doc.at(
            "/paths/~1api~1v1~1report-templates/post/requestBody/content/application~1json/examples/bao-cao-dan-van-chinh-quyen/value");
    ObjectNode body =
        (ObjectNode) (example.isTextual() ? MAPPER.readTree(example.textValue()) : example);
    assertThat(body.path("sections").size()).isEqualTo(5);
    // only the code changes: it is unique
    body.put("code", code());
    Response r = json("hcm-manager").body(MAPPER.writeValueAsString(body)).post(BASE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    String id = r.jsonPath().getString("id");
    assertThat(transition("hcm-manager", id, 0, "PUBLISH").statusCode()).isEqualTo(200);
    body.put("code", code());
    Response v2 =
        json("hcm-manager")
            .header("If-Match", "\"1\"")
            .body(MAPPER.writeValueAsString(body))
            .post(BASE + "/" + id + "/versions");
    assertThat(v2.statusCode()).as(v2.asString()).isEqualTo(201);
  }

  @Test
  void changesNeedTheCurrentETag() {
    String id = create("hcm-manager", body(code())).jsonPath().getString("id");
    Map<String, Object> b = body(code());
    assertProblem(json("hcm-manager").body(b).put(BASE + "/" + id), 428, "PRECONDITION_REQUIRED");
    assertProblem(put("hcm-manager", id, 7, b), 412, "PRECONDITION_FAILED");
    assertProblem(
        json("hcm-manager")
            .body(Map.of("action", "PUBLISH"))
            .post(BASE + "/" + id + "/transitions"),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(transition("hcm-manager", id, 3, "PUBLISH"), 412, "PRECONDITION_FAILED");
    assertThat(transition("hcm-manager", id, 0, "PUBLISH").statusCode()).isEqualTo(200);
    assertProblem(
        json("hcm-manager").body(b).post(BASE + "/" + id + "/versions"),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(newVersion("hcm-manager", id, 0, b), 412, "PRECONDITION_FAILED");
    assertProblem(json("viewer").get(BASE + "/" + UUID.randomUUID()), 404, "NOT_FOUND");
  }

  @Test
  void retriedCreationsAreReplayed() {
    Map<String, Object> b = body(code());
    String key = UUID.randomUUID().toString();
    Response first = json("hcm-manager").header("Idempotency-Key", key).body(b).post(BASE);
    Response again = json("hcm-manager").header("Idempotency-Key", key).body(b).post(BASE);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    assertProblem(
        json("hcm-manager").header("Idempotency-Key", key).body(body(code())).post(BASE),
        422,
        "IDEMPOTENCY_KEY_REUSED");

    String id = first.jsonPath().getString("id");
    assertThat(transition("hcm-manager", id, 0, "PUBLISH").statusCode()).isEqualTo(200);
    String versionKey = UUID.randomUUID().toString();
    Response v2 =
        json("hcm-manager")
            .header("If-Match", "\"1\"")
            .header("Idempotency-Key", versionKey)
            .body(b)
            .post(BASE + "/" + id + "/versions");
    Response v2Again =
        json("hcm-manager")
            .header("If-Match", "\"1\"")
            .header("Idempotency-Key", versionKey)
            .body(b)
            .post(BASE + "/" + id + "/versions");
    assertThat(v2.statusCode()).as(v2.asString()).isEqualTo(201);
    assertThat(v2Again.statusCode()).as(v2Again.asString()).isEqualTo(201);
    assertThat(v2Again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(json("viewer").get(BASE + "/" + id).jsonPath().getList("versions.number"))
        .containsExactly(1, 2);
  }

  @Test
  void everyMutationIsAuditedAndInTheChangeFeed() {
    String code = code();
    String id = create("hcm-manager", body(code)).jsonPath().getString("id");
    assertThat(put("hcm-manager", id, 0, body(code)).statusCode()).isEqualTo(200);
    assertThat(transition("hcm-manager", id, 1, "PUBLISH").statusCode()).isEqualTo(200);
    assertThat(newVersion("hcm-manager", id, 2, body(code)).statusCode()).isEqualTo(201);

    JsonPath events =
        json("auditor")
            .queryParam("entityType", "REPORT_TEMPLATE")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action"))
        .containsExactly(
            "REPORT_TEMPLATE_NEW_VERSION", "REPORT_TEMPLATE_PUBLISH", "UPDATE", "CREATE");
    assertThat(events.getString("items[1].before.status")).isEqualTo("DRAFT");
    assertThat(events.getString("items[1].after.status")).isEqualTo("PUBLISHED");
    assertThat(events.getString("items[0].actor")).isEqualTo("hcm-manager");

    List<Map<String, Object>> entries = vn.danvan.testing.Api.feedEntries("REPORT_TEMPLATE", id);
    assertThat(entries)
        .extracting(e -> e.get("unitId"))
        .containsOnly(ReportTemplateFixtures.SO_NOI_VU_HCM);
    List<Long> versions =
        entries.stream().map(e -> ((Number) e.get("version")).longValue()).toList();
    assertThat(versions).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void theDemoTemplateIsPublished() {
    Response r = json("viewer").get(BASE + "/" + DEMO);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonPath t = r.jsonPath();
    assertThat(t.getString("code")).isEqualTo("BC-DVCQ");
    assertThat(t.getString("name"))
        .isEqualTo("Báo cáo kết quả thực hiện công tác dân vận chính quyền");
    assertThat(t.getString("ownerUnitId")).isEqualTo(BO_NOI_VU);
    assertThat(t.getString("status")).isEqualTo("PUBLISHED");
    assertThat(t.getInt("publishedNumber")).isEqualTo(1);
    assertThat(t.getList("sections.findAll { it.narrative }.titleVi"))
        .containsExactly(
            "Kết quả đạt được",
            "Tồn tại, hạn chế và nguyên nhân",
            "Phương hướng, nhiệm vụ kỳ tới",
            "Đề xuất, kiến nghị");
    List<String> indicatorCodes = t.getList("sections.indicators.flatten().code");
    assertThat(indicatorCodes)
        .contains(
            "TCD_LUOT",
            "KNTC_TY_LE_GIAI_QUYET",
            "NV_QUA_HAN",
            "VB_BAN_HANH",
            "HN_SO_HOI_NGHI",
            "HN_NGUOI_DUOC_TIEP_CAN",
            "CCHC_SIPAS")
        .doesNotHaveDuplicates();
    assertThat(
            t.getString(
                "sections.indicators.flatten().find { it.code == 'CCHC_HS_DUNG_HAN' }.target.operator"))
        .isEqualTo("GTE");
    assertThat(
            json("viewer")
                .queryParam("ownerUnitId", BO_NOI_VU)
                .queryParam("status", "PUBLISHED")
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .contains(DEMO);

    JsonPath enums = json("viewer").get("/api/v1/reference/enums").jsonPath();
    assertThat(
            enums.getString(
                "items.find { it.name == 'IndicatorSource' }.values.find { it.code == 'VISITS' }.labelVi"))
        .isEqualTo("Số lượt tiếp công dân");
    assertThat(enums.getList("items.name"))
        .contains(
            "ReportTemplateStatus", "IndicatorType", "IndicatorAggregation", "TargetOperator");
  }
}
