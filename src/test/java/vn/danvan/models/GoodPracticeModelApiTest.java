package vn.danvan.models;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.models.GoodPracticeModelFixtures.AN_HOI_TAY;
import static vn.danvan.models.GoodPracticeModelFixtures.BASE;
import static vn.danvan.models.GoodPracticeModelFixtures.DEMO_GO_VAP;
import static vn.danvan.models.GoodPracticeModelFixtures.DEMO_HA_NOI;
import static vn.danvan.models.GoodPracticeModelFixtures.DEMO_MOT_CUA;
import static vn.danvan.models.GoodPracticeModelFixtures.HCM_WARD_B;
import static vn.danvan.models.GoodPracticeModelFixtures.HCM_WARD_C;
import static vn.danvan.models.GoodPracticeModelFixtures.KH_246;
import static vn.danvan.models.GoodPracticeModelFixtures.KH_847;
import static vn.danvan.models.GoodPracticeModelFixtures.body;
import static vn.danvan.models.GoodPracticeModelFixtures.create;
import static vn.danvan.models.GoodPracticeModelFixtures.createdId;
import static vn.danvan.models.GoodPracticeModelFixtures.put;
import static vn.danvan.models.GoodPracticeModelFixtures.recognise;
import static vn.danvan.models.GoodPracticeModelFixtures.start;
import static vn.danvan.models.GoodPracticeModelFixtures.tag;
import static vn.danvan.models.GoodPracticeModelFixtures.transition;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/**
 * Models of good practice over HTTP: registration, edit and the transitions with ETag and If-Match,
 * the recognition's rules, Idempotency-Key, audit and change feed, evidence files, bad input as
 * problem+json, and the demo models.
 */
@io.quarkus.test.junit.QuarkusTest
class GoodPracticeModelApiTest {

  @Test
  void aModelIsRegisteredImplementedAndRecognised() {
    String title = "Dân vận khéo " + tag();
    Map<String, Object> b = body(AN_HOI_TAY, title);
    b.put("coUnitIds", List.of(HCM_WARD_C));
    b.put(
        "replications",
        List.of(Map.of("unitId", HCM_WARD_B, "adoptedOn", "2026-03-01", "note", "Áp dụng")));
    Response created = create("hcm-manager", b);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    JsonPath m = created.jsonPath();
    assertThat(m.getString("status")).isEqualTo("REGISTERED");
    assertThat(m.getString("title")).isEqualTo(title);
    assertThat(m.getInt("registrationYear")).isEqualTo(2026);
    assertThat(m.getList("coUnitIds")).containsExactly(HCM_WARD_C);
    assertThat(m.getList("units.id")).containsExactly(AN_HOI_TAY, HCM_WARD_C);
    assertThat(m.getList("units.lead")).containsExactly(true, false);
    assertThat(m.getString("units[0].name")).contains("An Hội Tây");
    assertThat(m.getString("replications[0].unitId")).isEqualTo(HCM_WARD_B);
    assertThat(m.getString("replications[0].unitName")).isNotBlank();
    assertThat(m.getDouble("resultFigures[0].value")).isEqualTo(850.0);
    assertThat(created.asString()).contains("\"value\":850");
    assertThat(m.getString("recognition")).isNull();

    // every reader in scope reads it; the ETag is the version
    Response read = json("ward-officer").get(BASE + "/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");

    // an edit needs If-Match: none 428, stale 412
    b.put("peopleReached", 1500);
    Response noMatch = json("hcm-manager").body(b).put(BASE + "/" + id);
    assertProblem(noMatch, 428, "PRECONDITION_REQUIRED");
    assertProblem(put("hcm-manager", id, 7, b), 412, "PRECONDITION_FAILED");
    Response edited = put("ward-officer", id, 0, b);
    assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
    assertThat(edited.header("ETag")).isEqualTo("\"1\"");
    assertThat(edited.jsonPath().getInt("peopleReached")).isEqualTo(1500);

    // REGISTERED → RECOGNISED is not a transition
    assertProblem(
        transition("hcm-manager", id, 1, recognise("PROVINCE", KH_246, "2026-05-01")),
        409,
        "ILLEGAL_TRANSITION");
    Response started = transition("ward-officer", id, 1, start("2026-02-01"));
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(200);
    assertThat(started.jsonPath().getString("status")).isEqualTo("IMPLEMENTING");
    assertThat(started.jsonPath().getString("implementingSince")).isEqualTo("2026-02-01");
    assertProblem(transition("hcm-manager", id, 2, start(null)), 409, "ILLEGAL_TRANSITION");

    Response recognised =
        transition("hcm-manager", id, 2, recognise("PROVINCE", KH_246, "2026-05-19"));
    assertThat(recognised.statusCode()).as(recognised.asString()).isEqualTo(200);
    JsonPath r = recognised.jsonPath();
    assertThat(r.getString("status")).isEqualTo("RECOGNISED");
    assertThat(r.getString("recognition.level")).isEqualTo("PROVINCE");
    assertThat(r.getString("recognition.directiveId")).isEqualTo(KH_246);
    assertThat(r.getString("recognition.directiveNumber")).isEqualTo("246/KH-UBND");
    assertThat(r.getString("recognition.date")).isEqualTo("2026-05-19");
    // a recognised model neither starts again nor is discontinued
    assertProblem(
        transition("hcm-manager", id, 3, Map.of("action", "DISCONTINUE")),
        409,
        "ILLEGAL_TRANSITION");
    // its results are still edited; its start stays before what happened
    b.put("startDate", "2026-03-01");
    Response late = put("hcm-manager", id, 3, b);
    assertProblem(late, 400, "VALIDATION_FAILED");
    assertThat(late.jsonPath().getString("errors[0].pointer")).isEqualTo("/startDate");
    b.put("startDate", "2026-01-05");
    assertThat(put("hcm-manager", id, 3, b).statusCode()).isEqualTo(200);
  }

  @Test
  void aDiscontinuedModelIsNoLongerEdited() {
    Map<String, Object> b = body(AN_HOI_TAY, "Mô hình dừng " + tag());
    String id = createdId("ward-officer", b);
    Response stopped =
        transition(
            "ward-officer",
            id,
            0,
            Map.of("action", "DISCONTINUE", "date", "2026-02-01", "reason", "Không hiệu quả"));
    assertThat(stopped.statusCode()).as(stopped.asString()).isEqualTo(200);
    assertThat(stopped.jsonPath().getString("discontinuedOn")).isEqualTo("2026-02-01");
    assertProblem(put("ward-officer", id, 1, b), 409, "ILLEGAL_TRANSITION");
    assertProblem(transition("ward-officer", id, 1, start(null)), 409, "ILLEGAL_TRANSITION");
  }

  @Test
  void theRecognitionIsChecked() {
    String id = createdId("hcm-manager", body(AN_HOI_TAY, "Công nhận " + tag()));
    assertThat(transition("hcm-manager", id, 0, start("2026-01-20")).statusCode()).isEqualTo(200);
    // the district level ended on 01/07/2025
    Response district =
        transition("hcm-manager", id, 1, recognise("DISTRICT", KH_847, "2026-04-01"));
    assertProblem(district, 400, "VALIDATION_FAILED");
    assertThat(district.jsonPath().getString("errors[0].pointer")).isEqualTo("/recognition/level");
    // not in the future, not before the start
    Response future = transition("hcm-manager", id, 1, recognise("PROVINCE", KH_246, "2099-01-01"));
    assertProblem(future, 400, "VALIDATION_FAILED");
    assertThat(future.jsonPath().getString("errors[0].pointer")).isEqualTo("/recognition/date");
    Response early = transition("hcm-manager", id, 1, recognise("PROVINCE", KH_246, "2025-12-31"));
    assertThat(early.jsonPath().getString("errors[0].pointer")).isEqualTo("/recognition/date");
    // no recognition, or one with a date field
    Response none = transition("hcm-manager", id, 1, Map.of("action", "RECOGNISE"));
    assertProblem(none, 400, "VALIDATION_FAILED");
    assertThat(none.jsonPath().getString("errors[0].pointer")).isEqualTo("/recognition");
    // a document that does not exist
    Response unknown =
        transition(
            "hcm-manager",
            id,
            1,
            recognise("PROVINCE", UUID.randomUUID().toString(), "2026-04-01"));
    assertProblem(unknown, 422, "UNKNOWN_DIRECTIVE");
    assertThat(unknown.jsonPath().getString("errors[0].pointer"))
        .isEqualTo("/recognition/directiveId");
    // an unknown level
    assertProblem(
        transition("hcm-manager", id, 1, recognise("WARD", KH_246, "2026-04-01")),
        400,
        "VALIDATION_FAILED");
    // a start date in the future
    Response futureStart =
        transition("hcm-manager", id, 1, Map.of("action", "DISCONTINUE", "date", "2099-01-01"));
    assertThat(futureStart.jsonPath().getString("errors[0].pointer")).isEqualTo("/date");
    // nothing changed
    assertThat(json("hcm-manager").get(BASE + "/" + id).header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void theDistrictLevelRecognisesBeforeTheReform() {
    Map<String, Object> b = body(AN_HOI_TAY, "Trước cải cách " + tag());
    b.put("startDate", "2024-03-01");
    b.put("registeredOn", "2024-03-05");
    String id = createdId("admin", b);
    assertThat(transition("admin", id, 0, start("2024-04-01")).statusCode()).isEqualTo(200);
    Response r = transition("admin", id, 1, recognise("DISTRICT", KH_847, "2025-06-30"));
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(r.jsonPath().getString("recognition.level")).isEqualTo("DISTRICT");
    assertThat(r.jsonPath().getString("recognition.directiveNumber")).isEqualTo("847/KH-UBND");
  }

  @Test
  void badBodiesAreProblemsWithPointers() {
    String title = "Sai " + tag();
    Map<String, Object> b = body(AN_HOI_TAY, title);
    b.put("field", "NOPE");
    Response badEnum = create("hcm-manager", b);
    assertProblem(badEnum, 400, "VALIDATION_FAILED");
    assertThat(badEnum.jsonPath().getString("errors[0].pointer")).isEqualTo("/field");

    b = body(AN_HOI_TAY, title);
    b.put("peopleReached", -1);
    b.put("householdsReached", 2_000_000_000);
    Response negative = create("hcm-manager", b);
    assertProblem(negative, 400, "VALIDATION_FAILED");
    assertThat(negative.jsonPath().getList("errors.pointer"))
        .contains("/peopleReached", "/householdsReached");

    b = body(AN_HOI_TAY, "x".repeat(501));
    Response tooLong = create("hcm-manager", b);
    assertProblem(tooLong, 400, "VALIDATION_FAILED");
    assertThat(tooLong.jsonPath().getString("errors[0].pointer")).isEqualTo("/title");

    b = body(AN_HOI_TAY, "Có ký tự \u0000 rỗng");
    Response nul = create("hcm-manager", b);
    assertProblem(nul, 400, "VALIDATION_FAILED");
    assertThat(nul.jsonPath().getString("errors[0].pointer")).isEqualTo("/title");

    b = body(AN_HOI_TAY, title);
    b.put("resultFigures", List.of(Map.of("label", "Âm", "value", -5)));
    Response figure = create("hcm-manager", b);
    assertProblem(figure, 400, "VALIDATION_FAILED");
    assertThat(figure.jsonPath().getString("errors[0].pointer"))
        .isEqualTo("/resultFigures/0/value");

    b = body(AN_HOI_TAY, title);
    b.put("registeredOn", "2099-01-01");
    b.put("coUnitIds", List.of(AN_HOI_TAY));
    b.put(
        "replications",
        List.of(
            Map.of("unitId", AN_HOI_TAY, "adoptedOn", "2026-02-01"),
            Map.of("unitId", HCM_WARD_B, "adoptedOn", "2025-01-01")));
    Response rules = create("hcm-manager", b);
    assertProblem(rules, 400, "VALIDATION_FAILED");
    assertThat(rules.jsonPath().getList("errors.pointer"))
        .containsExactlyInAnyOrder(
            "/coUnitIds/0", "/registeredOn", "/replications/0/unitId", "/replications/1/adoptedOn");

    b = body(AN_HOI_TAY, title);
    b.remove("startDate");
    b.remove("title");
    Response missing = create("hcm-manager", b);
    assertProblem(missing, 400, "VALIDATION_FAILED");
    assertThat(missing.jsonPath().getList("errors.pointer"))
        .containsExactlyInAnyOrder("/startDate", "/title");
    // nothing was registered
    assertThat(json("admin").queryParam("q", title).get(BASE).jsonPath().getList("items"))
        .isEmpty();
  }

  @Test
  void aRetriedRegistrationIsAnsweredOnce() {
    String title = "Gửi lại " + tag();
    Map<String, Object> b = body(AN_HOI_TAY, title);
    String key = UUID.randomUUID().toString();
    Response first =
        json("ward-officer")
            .header("Idempotency-Key", key)
            .body(b)
            .post(BASE)
            .then()
            .extract()
            .response();
    Response again =
        json("ward-officer")
            .header("Idempotency-Key", key)
            .body(b)
            .post(BASE)
            .then()
            .extract()
            .response();
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(json("admin").queryParam("q", title).get(BASE).jsonPath().getList("items"))
        .hasSize(1);
    b.put("title", title + " khác");
    assertProblem(
        json("ward-officer").header("Idempotency-Key", key).body(b).post(BASE),
        422,
        "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void everyChangeIsAuditedAndInTheChangeFeed() {
    String id = createdId("ward-officer", body(AN_HOI_TAY, "Kiểm toán " + tag()));
    assertThat(put("ward-officer", id, 0, body(AN_HOI_TAY, "Kiểm toán sửa " + tag())).statusCode())
        .isEqualTo(200);
    assertThat(transition("ward-officer", id, 1, start(null)).statusCode()).isEqualTo(200);
    JsonPath events =
        json("auditor")
            .queryParam("entityType", "GOOD_PRACTICE_MODEL")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action"))
        .containsExactly("GOOD_PRACTICE_MODEL_START_IMPLEMENTATION", "UPDATE", "CREATE");
    assertThat(events.getString("items[0].after.status")).isEqualTo("IMPLEMENTING");
    assertThat(events.getString("items[0].actor")).isEqualTo("ward-officer");
    List<Map<String, Object>> entries = Api.feedEntries("GOOD_PRACTICE_MODEL", id);
    assertThat(entries).extracting(e -> e.get("unitId")).containsOnly(AN_HOI_TAY);
    assertThat(entries)
        .extracting(e -> ((Number) e.get("version")).longValue())
        .containsExactly(0L, 1L, 2L);
    // the feed renders the record as GET answers it
    JsonPath feed =
        json("admin")
            .queryParam("types", "GOOD_PRACTICE_MODEL")
            .queryParam("include", "record")
            .queryParam("limit", 500)
            .get("/api/v1/changes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(feed.getList("items.record.id")).isNotEmpty();
  }

  @Test
  void evidenceFilesAreUploadedListedAndDownloaded() {
    String id = createdId("ward-officer", body(AN_HOI_TAY, "Minh chứng " + tag()));
    byte[] pdf =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    Response uploaded =
        as("ward-officer")
            .multiPart("file", "quyet-dinh.pdf", pdf, "application/pdf")
            .multiPart("description", "Quyết định công nhận")
            .post(BASE + "/" + id + "/attachments")
            .then()
            .extract()
            .response();
    assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
    assertThat(uploaded.jsonPath().getString("mediaType")).isEqualTo("application/pdf");
    String attachment = uploaded.jsonPath().getString("id");
    assertThat(
            json("hcm-manager")
                .get(BASE + "/" + id + "/attachments")
                .jsonPath()
                .getList("items.id"))
        .containsExactly(attachment);
    Response content =
        as("hcm-manager").get(BASE + "/" + id + "/attachments/" + attachment + "/content");
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.asByteArray()).isEqualTo(pdf);
    // outside the scope: as if it did not exist; a viewer does not upload
    assertProblem(json("viewer").get(BASE + "/" + id + "/attachments"), 404, "NOT_FOUND");
    Response viewer =
        as("viewer")
            .multiPart("file", "x.pdf", pdf, "application/pdf")
            .post(BASE + "/" + id + "/attachments");
    assertThat(viewer.statusCode()).isEqualTo(403);
  }

  @Test
  void theDemoModelsArePresent() {
    JsonPath motCua = json("hcm-manager").get(BASE + "/" + DEMO_MOT_CUA).jsonPath();
    assertThat(motCua.getString("status")).isEqualTo("RECOGNISED");
    assertThat(motCua.getString("recognition.level")).isEqualTo("PROVINCE");
    assertThat(motCua.getString("recognition.directiveNumber")).isEqualTo("246/KH-UBND");
    assertThat(motCua.getList("replications")).hasSize(1);
    JsonPath goVap = json("admin").get(BASE + "/" + DEMO_GO_VAP).jsonPath();
    assertThat(goVap.getString("recognition.level")).isEqualTo("DISTRICT");
    assertThat(goVap.getString("recognition.date")).isLessThan("2025-07-01");
    assertThat(json("viewer").get(BASE + "/" + DEMO_HA_NOI).jsonPath().getString("status"))
        .isEqualTo("RECOGNISED");
    JsonPath all =
        json("admin")
            .queryParam("limit", 500)
            .get(BASE)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(all.getList("items.id")).contains(DEMO_MOT_CUA, DEMO_GO_VAP, DEMO_HA_NOI);
    assertThat(all.getList("items.status"))
        .contains("REGISTERED", "IMPLEMENTING", "RECOGNISED", "DISCONTINUED");
    // the document's example works as is
    Response example =
        json("admin")
            .body(GoodPracticeModelResource.EXAMPLE)
            .post(BASE)
            .then()
            .extract()
            .response();
    assertThat(example.statusCode()).as(example.asString()).isEqualTo(201);
  }
}
