package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.feedEntries;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.time.BusinessTime;

/**
 * Restructurings and the records that store unit ids and paths of the models of good practice and
 * the dialogues: a merge passes the open ones to the successor and leaves the finished ones with
 * the closed ward (its readers and superiors still find them); a move takes every record's path
 * along (the new province reads them, the old one no longer); a dry run changes nothing. Each test
 * builds its own wards.
 */
@QuarkusTest
class ModelsDialoguesRestructuringTest {

  private static final String MODELS = "/api/v1/good-practice-models";
  private static final String DIALOGUES = "/api/v1/dialogues";
  private static final String RESTRUCTURINGS = ORG_UNITS + "/restructurings";

  /** Kế hoạch 246/KH-UBND of TP HCM (a demo document of the register). */
  private static final String KH_246 = "00000000-0000-4d0c-9022-079000000246";

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate today = LocalDate.now(BusinessTime.ZONE);

  @Test
  void aMergePassesOpenModelsAndDialoguesOnAndLeavesFinishedOnesWithTheClosedWard() {
    String closing = ward("Phường Sáp Nhập", HO_CHI_MINH);
    String successor = ward("Phường Kế Thừa", HO_CHI_MINH);
    String partner = ward("Phường Cùng Làm", HO_CHI_MINH);

    String open = model(closing, List.of(), "Mô hình đăng ký");
    String coBuilt = model(partner, List.of(closing), "Mô hình cùng làm");
    ok(modelTransition(coBuilt, Map.of("action", "START_IMPLEMENTATION", "date", "2026-02-01")));
    String recognised = model(closing, List.of(), "Mô hình được công nhận");
    ok(modelTransition(recognised, Map.of("action", "START_IMPLEMENTATION", "date", "2026-02-01")));
    ok(
        modelTransition(
            recognised,
            Map.of(
                "action",
                "RECOGNISE",
                "recognition",
                Map.of("level", "PROVINCE", "directiveId", KH_246, "date", "2026-03-01"))));
    String planned = dialogue(closing, today.plusDays(40), "Đối thoại sắp tới");
    String held = dialogue(closing, LocalDate.parse("2026-03-10"), "Đối thoại đã tổ chức");
    ok(
        dialogueTransition(
            held,
            Map.of(
                "action",
                "ANNOUNCE",
                "announcementDate",
                "2026-03-01",
                "announcementChannel",
                "NOTICE_BOARD")));
    ok(
        dialogueTransition(
            held,
            Map.of(
                "action",
                "HOLD",
                "heldDate",
                "2026-03-10",
                "chairName",
                "Trần Thị Bình",
                "chairRole",
                "COMMITTEE_CHAIR",
                "participantCount",
                80)));
    Map<String, String> bases = new LinkedHashMap<>();
    List.of(open, coBuilt, recognised).forEach(id -> bases.put(id, MODELS));
    List.of(planned, held).forEach(id -> bases.put(id, DIALOGUES));
    Map<String, Long> versions = new LinkedHashMap<>();
    bases.forEach((id, base) -> versions.put(id, version(base, id)));
    Map<String, Object> merge = new LinkedHashMap<>();
    merge.put("kind", "MERGE");
    merge.put("effectiveDate", today.toString());
    merge.put("legalBasis", "Nghị quyết thử nghiệm " + tag);
    merge.put("sources", List.of(Map.of("unitId", closing)));
    merge.put("targetUnitId", successor);

    // a dry run answers the transfers and changes nothing
    Response dry = json("admin").queryParam("dryRun", true).body(merge).post(RESTRUCTURINGS);
    assertThat(dry.statusCode()).as(dry.asString()).isEqualTo(200);
    assertThat(transfers(dry))
        .contains(
            "GOOD_PRACTICE_MODEL " + closing + ">" + successor + "=2",
            "DIALOGUE " + closing + ">" + successor + "=1");
    assertThat(get(MODELS, open).getString("leadUnitId")).isEqualTo(closing);
    assertThat(get(DIALOGUES, planned).getString("orgUnitId")).isEqualTo(closing);
    versions.forEach((id, v) -> assertThat(version(bases.get(id), id)).as(id).isEqualTo(v));

    Response merged = json("admin").body(merge).post(RESTRUCTURINGS);
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    assertThat(transfers(merged))
        .contains(
            "GOOD_PRACTICE_MODEL " + closing + ">" + successor + "=2",
            "DIALOGUE " + closing + ">" + successor + "=1");

    // the open ones now belong to the successor, with a new version
    JsonPath o = get(MODELS, open);
    assertThat(o.getString("leadUnitId")).isEqualTo(successor);
    assertThat(o.getList("units.id")).containsExactly(successor);
    assertThat(o.getLong("version")).isGreaterThan(versions.get(open));
    JsonPath c = get(MODELS, coBuilt);
    assertThat(c.getString("leadUnitId")).isEqualTo(partner);
    assertThat(c.getList("coUnitIds")).containsExactly(successor);
    assertThat(c.getLong("version")).isGreaterThan(versions.get(coBuilt));
    JsonPath p = get(DIALOGUES, planned);
    assertThat(p.getString("orgUnitId")).isEqualTo(successor);
    assertThat(p.getLong("version")).isGreaterThan(versions.get(planned));
    // the finished ones keep the ward that did them
    JsonPath r = get(MODELS, recognised);
    assertThat(r.getString("leadUnitId")).isEqualTo(closing);
    assertThat(r.getLong("version")).isEqualTo(versions.get(recognised));
    JsonPath h = get(DIALOGUES, held);
    assertThat(h.getString("orgUnitId")).isEqualTo(closing);
    assertThat(h.getLong("version")).isEqualTo(versions.get(held));

    // the province's manager finds all of them below the city, the open ones under the successor,
    // the history under the closed ward
    assertThat(list("hcm-manager", MODELS, HO_CHI_MINH, "DESCENDANTS"))
        .containsExactlyInAnyOrder(open, coBuilt, recognised);
    assertThat(list("hcm-manager", MODELS, successor, null))
        .containsExactlyInAnyOrder(open, coBuilt);
    assertThat(list("hcm-manager", MODELS, closing, null)).containsExactly(recognised);
    assertThat(list("hcm-manager", DIALOGUES, HO_CHI_MINH, "DESCENDANTS"))
        .containsExactlyInAnyOrder(planned, held);
    assertThat(list("hcm-manager", DIALOGUES, successor, null)).containsExactly(planned);
    assertThat(list("hcm-manager", DIALOGUES, closing, null)).containsExactly(held);

    // audited, and in the feed with the new version
    assertThat(auditActions(open)).contains("GOOD_PRACTICE_MODEL_UNITS_PASSED_ON");
    assertThat(auditActions(coBuilt)).contains("GOOD_PRACTICE_MODEL_UNITS_PASSED_ON");
    assertThat(auditActions(planned)).contains("DIALOGUE_UNIT_PASSED_ON");
    assertThat(auditActions(recognised)).doesNotContain("GOOD_PRACTICE_MODEL_UNITS_PASSED_ON");
    assertThat(auditActions(held)).doesNotContain("DIALOGUE_UNIT_PASSED_ON");
    assertThat(lastFeedVersion("GOOD_PRACTICE_MODEL", open)).isEqualTo(o.getLong("version"));
    assertThat(lastFeedVersion("DIALOGUE", planned)).isEqualTo(p.getLong("version"));
  }

  @Test
  void aMoveToAnotherProvinceTakesEveryRecordsPathAlong() {
    String moving = ward("Phường Chuyển Tỉnh", HO_CHI_MINH);
    String open = model(moving, List.of(), "Mô hình theo phường");
    String discontinued = model(moving, List.of(), "Mô hình đã dừng");
    ok(modelTransition(discontinued, Map.of("action", "DISCONTINUE", "date", "2026-02-01")));
    String planned = dialogue(moving, today.plusDays(30), "Đối thoại theo phường");
    String cancelled = dialogue(moving, today.plusDays(60), "Đối thoại đã hủy");
    ok(dialogueTransition(cancelled, Map.of("action", "CANCEL", "reason", "Dời lịch")));
    List<String> models = List.of(open, discontinued);
    List<String> dialogues = List.of(planned, cancelled);
    Map<String, Long> versions = new LinkedHashMap<>();
    models.forEach(id -> versions.put(id, version(MODELS, id)));
    dialogues.forEach(id -> versions.put(id, version(DIALOGUES, id)));
    assertThat(list("hcm-manager", MODELS, HO_CHI_MINH, "DESCENDANTS"))
        .containsExactlyInAnyOrderElementsOf(models);
    assertThat(status("viewer", MODELS, open)).isEqualTo(404);

    Map<String, Object> move = new LinkedHashMap<>();
    move.put("kind", "MOVE");
    move.put("effectiveDate", today.toString());
    move.put("legalBasis", "Nghị quyết thử nghiệm " + tag);
    move.put("sources", List.of(Map.of("unitId", moving)));
    move.put("newParentId", HA_NOI);
    Response moved = json("admin").body(move).post(RESTRUCTURINGS);
    assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(201);

    // Hà Nội reads them, below the city and by id; TP HCM no longer
    assertThat(list("viewer", MODELS, HA_NOI, "DESCENDANTS"))
        .containsExactlyInAnyOrderElementsOf(models);
    assertThat(list("viewer", DIALOGUES, HA_NOI, "DESCENDANTS"))
        .containsExactlyInAnyOrderElementsOf(dialogues);
    assertThat(list("admin", MODELS, HO_CHI_MINH, "DESCENDANTS")).isEmpty();
    assertThat(list("admin", DIALOGUES, HO_CHI_MINH, "DESCENDANTS")).isEmpty();
    for (String id : models) {
      assertThat(status("viewer", MODELS, id)).isEqualTo(200);
      assertThat(status("hcm-manager", MODELS, id)).isEqualTo(404);
      assertThat(get(MODELS, id).getLong("version")).isGreaterThan(versions.get(id));
      assertThat(auditActions(id)).contains("RESTRUCTURE_MOVE");
    }
    for (String id : dialogues) {
      assertThat(status("viewer", DIALOGUES, id)).isEqualTo(200);
      assertThat(status("hcm-manager", DIALOGUES, id)).isEqualTo(404);
      assertThat(get(DIALOGUES, id).getLong("version")).isGreaterThan(versions.get(id));
      assertThat(auditActions(id)).contains("RESTRUCTURE_MOVE");
    }
    assertThat(list("hcm-manager", MODELS, HO_CHI_MINH, "DESCENDANTS")).isEmpty();
    // the record stays where it was: same unit, same status
    assertThat(get(MODELS, discontinued).getString("status")).isEqualTo("DISCONTINUED");
    assertThat(get(DIALOGUES, cancelled).getString("orgUnitId")).isEqualTo(moving);
    assertThat(lastFeedVersion("DIALOGUE", planned))
        .isEqualTo(get(DIALOGUES, planned).getLong("version"));
  }

  // ------------------------------------------------------------------ helpers

  /** A ward of {@code parent} (made by admin) that exists since 2026. */
  private String ward(String name, String parent) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("kind", "COMMUNE");
    unit.put("name", name + " " + tag + " " + UUID.randomUUID());
    unit.put("validFrom", "2026-01-01");
    unit.put("parentId", parent);
    return ok(json("admin").body(unit).post(ORG_UNITS), 201).jsonPath().getString("id");
  }

  private String model(String lead, List<String> coUnits, String title) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("leadUnitId", lead);
    b.put("coUnitIds", coUnits);
    b.put("field", "ADMINISTRATIVE_REFORM");
    b.put("title", title + " " + tag);
    b.put("startDate", "2026-01-05");
    b.put("registeredOn", "2026-01-10");
    return ok(json("admin").body(b).post(MODELS), 201).jsonPath().getString("id");
  }

  private String dialogue(String unit, LocalDate planned, String topic) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", unit);
    b.put("topic", topic + " " + tag);
    b.put("kind", "YEARLY");
    b.put("plannedDate", planned.toString());
    b.put("taskIds", new ArrayList<>());
    return ok(json("admin").body(b).post(DIALOGUES), 201).jsonPath().getString("id");
  }

  private static Response modelTransition(String id, Map<String, Object> body) {
    return json("admin")
        .header("If-Match", "\"" + version(MODELS, id) + "\"")
        .body(body)
        .post(MODELS + "/" + id + "/transitions");
  }

  private static Response dialogueTransition(String id, Map<String, Object> body) {
    return json("admin")
        .header("If-Match", "\"" + version(DIALOGUES, id) + "\"")
        .body(body)
        .post(DIALOGUES + "/" + id + "/transitions");
  }

  private static JsonPath get(String base, String id) {
    return ok(json("admin").get(base + "/" + id), 200).jsonPath();
  }

  private static long version(String base, String id) {
    Response r = ok(json("admin").get(base + "/" + id), 200);
    assertThat(r.header("ETag")).isEqualTo("\"" + r.jsonPath().getLong("version") + "\"");
    return r.jsonPath().getLong("version");
  }

  private static int status(String user, String base, String id) {
    return json(user).get(base + "/" + id).statusCode();
  }

  /** The ids listed for {@code user} under a unit, with this test's tag. */
  private List<String> list(String user, String base, String unit, String mode) {
    var request = json(user).queryParam("orgUnitId", unit).queryParam("q", tag);
    if (mode != null) {
      request.queryParam("orgUnitMode", mode);
    }
    return ok(request.queryParam("limit", 100).get(base), 200).jsonPath().getList("items.id");
  }

  private static List<String> transfers(Response r) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> t : r.jsonPath().<Map<String, Object>>getList("transfers")) {
      out.add(
          t.get("entityType")
              + " "
              + t.get("fromUnitId")
              + ">"
              + t.get("toUnitId")
              + "="
              + t.get("count"));
    }
    return out;
  }

  private static List<String> auditActions(String id) {
    return ok(as("admin").queryParam("entityId", id).get("/api/v1/audit-events"), 200)
        .jsonPath()
        .getList("items.action");
  }

  private static long lastFeedVersion(String type, String id) {
    List<Map<String, Object>> entries = feedEntries(type, id);
    assertThat(entries).isNotEmpty();
    return ((Number) entries.get(entries.size() - 1).get("version")).longValue();
  }

  private static Response ok(Response r) {
    return ok(r, 200);
  }

  private static Response ok(Response r, int status) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    return r;
  }
}
