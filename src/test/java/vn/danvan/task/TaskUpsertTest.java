package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/**
 * Tasks written by upsert (issue 12 §1): {@code PUT /tasks/{id}} creates with the client's id or
 * replaces, a retry changes nothing, the preconditions; {@code PUT /tasks/by-source/...} ordered by
 * sourceVersion; records owned by their source system; the caller's scope in every body field.
 */
@QuarkusTest
class TaskUpsertTest {

  /** An An Hội Tây ward of TP HCM, the demo integration account's province. */
  private static final String WARD = "00000000-0000-4000-8004-000000026882";

  private static final String SYSTEM = "HCM-EGOV";

  private static Response put(String user, String id, Map<String, Object> body, String... headers) {
    var req = json(user).body(body);
    for (int i = 0; i < headers.length; i += 2) {
      req.header(headers[i], headers[i + 1]);
    }
    return req.put(BASE + "/" + id);
  }

  private static Response putBySource(
      String user, String system, String sourceId, Map<String, Object> body, String... headers) {
    var req = json(user).body(body);
    for (int i = 0; i < headers.length; i += 2) {
      req.header(headers[i], headers[i + 1]);
    }
    return req.put(BASE + "/by-source/" + system + "/" + sourceId);
  }

  @Test
  void putCreatesWithTheClientsIdThenReplacesAndARetryChangesNothing() {
    TaskFixtures f = new TaskFixtures();
    String id = UUID.randomUUID().toString();
    Map<String, Object> b = body(f.c1, "2031-06-30");

    Response created = put("admin", id, b);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.jsonPath().getString("id")).isEqualTo(id);
    assertThat(created.jsonPath().getString("sourceSystem")).isNull();

    // a blind retry: 200, the same ETag, nothing written (no new feed entry, no audit event)
    Response retry = put("admin", id, b);
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo("\"0\"");
    assertThat(Api.feedEntries("TASK", id)).hasSize(1);

    Map<String, Object> changed = body(f.c1, "2031-06-30");
    changed.put("title", "Báo cáo sơ kết 6 tháng");
    assertProblem(put("admin", id, changed), 428, "PRECONDITION_REQUIRED");
    assertProblem(put("admin", id, changed, "If-Match", "\"7\""), 412, "PRECONDITION_FAILED");
    assertProblem(put("admin", id, changed, "If-None-Match", "*"), 412, "ALREADY_EXISTS");
    Response replaced = put("admin", id, changed, "If-Match", "\"0\"");
    assertThat(replaced.statusCode()).as(replaced.asString()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
    assertThat(replaced.jsonPath().getString("title")).isEqualTo("Báo cáo sơ kết 6 tháng");
    assertThat(Api.feedEntries("TASK", id)).hasSize(2);
    assertThat(
            json("admin")
                .queryParam("entityId", id)
                .get("/api/v1/audit-events")
                .jsonPath()
                .getList("items.action", String.class))
        .containsExactly("UPDATE", "CREATE");

    // If-Match on a task that does not exist: 404, as outside the scope; If-None-Match: * creates
    String other = UUID.randomUUID().toString();
    assertProblem(put("admin", other, b, "If-Match", "\"0\""), 404, "NOT_FOUND");
    assertThat(put("admin", other, b, "If-None-Match", "*").statusCode()).isEqualTo(201);
    assertProblem(put("admin", other, b, "If-None-Match", "\"3\""), 400, "VALIDATION_FAILED");

    // the creation rules of POST: the "5 rõ", the due date after the assignment
    Map<String, Object> invalid = body(f.c1, "2000-01-01");
    invalid.remove("expectedResult");
    Response refused = put("admin", UUID.randomUUID().toString(), invalid);
    assertProblem(refused, 400, "VALIDATION_FAILED");
    assertThat(refused.jsonPath().getList("errors.pointer")).contains("/expectedResult");
  }

  @Test
  void bySourceIsOrderedBySourceVersion() {
    String sourceId = "NV-" + UUID.randomUUID();
    Map<String, Object> b = body(WARD, "2031-06-30");
    b.put("sourceVersion", 2);
    b.put("sourceUpdatedAt", "2025-08-01T09:30:00+07:00");

    Response created = putBySource("integration", SYSTEM, sourceId, b);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.jsonPath().getString("sourceSystem")).isEqualTo(SYSTEM);
    assertThat(created.jsonPath().getString("sourceId")).isEqualTo(sourceId);
    assertThat(created.jsonPath().getLong("sourceVersion")).isEqualTo(2);
    assertThat(created.jsonPath().getString("sourceUpdatedAt")).isEqualTo("2025-08-01T02:30:00Z");
    assertThat(created.jsonPath().getString("assigningUnitId")).isEqualTo(HO_CHI_MINH);

    Response retry = putBySource("integration", SYSTEM, sourceId, b);
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo("\"0\"");
    assertThat(retry.jsonPath().getString("id")).isEqualTo(id);
    assertThat(Api.feedEntries("TASK", id)).hasSize(1);

    Map<String, Object> older = body(WARD, "2031-06-30");
    older.put("title", "Bản cũ hơn");
    older.put("sourceVersion", 1);
    Response conflict = putBySource("integration", SYSTEM, sourceId, older);
    assertProblem(conflict, 409, "SOURCE_VERSION_CONFLICT");
    assertThat(conflict.jsonPath().getLong("current.sourceVersion")).isEqualTo(2);
    assertThat(conflict.jsonPath().getLong("current.version")).isZero();

    // the same version with another content is a conflict too
    older.put("sourceVersion", 2);
    assertProblem(
        putBySource("integration", SYSTEM, sourceId, older), 409, "SOURCE_VERSION_CONFLICT");

    // a newer version replaces without If-Match
    Map<String, Object> newer = body(WARD, "2031-06-30");
    newer.put("title", "Bản mới hơn");
    newer.put("sourceVersion", 3);
    Response replaced = putBySource("integration", SYSTEM, sourceId, newer);
    assertThat(replaced.statusCode()).as(replaced.asString()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
    assertThat(replaced.jsonPath().getLong("sourceVersion")).isEqualTo(3);
    assertThat(replaced.jsonPath().getString("sourceId")).isEqualTo(sourceId);

    // the body's key must be the path's; a system the caller does not speak for is refused
    Map<String, Object> other = body(WARD, "2031-06-30");
    other.put("sourceId", "NV-KHAC");
    Response mismatch = putBySource("integration", SYSTEM, sourceId, other);
    assertProblem(mismatch, 400, "VALIDATION_FAILED");
    assertThat(mismatch.jsonPath().getList("errors.pointer")).containsExactly("/sourceId");
    assertProblem(
        putBySource("integration", "HN-EGOV", sourceId, body(WARD, "2031-06-30")),
        403,
        "SOURCE_SYSTEM_NOT_YOURS");
    assertProblem(
        putBySource(
            "integration", SYSTEM, sourceId, body(WARD, "2031-06-30"), "If-None-Match", "*"),
        412,
        "ALREADY_EXISTS");

    // a second task may not take the key (PUT by id with the key in the body)
    Map<String, Object> taken = body(WARD, "2031-06-30");
    taken.put("sourceId", sourceId);
    Response duplicate = put("integration", UUID.randomUUID().toString(), taken);
    assertProblem(duplicate, 409, "DUPLICATE");
    assertThat(duplicate.jsonPath().getList("errors.pointer")).containsExactly("/sourceId");
  }

  @Test
  void aTaskPushedByItsSourceIsChangedOnlyByThatSystemOrAnAdmin() {
    String sourceId = "NV-" + UUID.randomUUID();
    Map<String, Object> b = body(WARD, "2031-06-30");
    b.put("sourceVersion", 1);
    Response pushed = putBySource("integration", SYSTEM, sourceId, b);
    assertThat(pushed.statusCode()).as(pushed.asString()).isEqualTo(201);
    String id = pushed.jsonPath().getString("id");

    // the province's own manager: the record is the source's
    Map<String, Object> edit = body(WARD, "2031-06-30");
    edit.put("title", "Sửa tại chỗ");
    Response refused = put("hcm-manager", id, edit, "If-Match", "\"0\"");
    assertProblem(refused, 409, "OWNED_BY_SOURCE");
    assertThat(refused.jsonPath().getString("current.sourceSystem")).isEqualTo(SYSTEM);
    assertThat(refused.jsonPath().getLong("current.sourceVersion")).isEqualTo(1);
    assertProblem(
        TaskFixtures.transition("hcm-manager", id, "START", Map.of()), 409, "OWNED_BY_SOURCE");
    assertProblem(
        json("hcm-manager").header("If-Match", "\"0\"").delete(BASE + "/" + id),
        409,
        "OWNED_BY_SOURCE");
    // even the same content: the source's record is not the manager's to write
    assertProblem(put("hcm-manager", id, b), 409, "OWNED_BY_SOURCE");

    // the lead unit's work goes on: progress reports
    Response progress =
        json("hcm-manager")
            .body(Map.of("percent", 30, "note", "Đã triển khai tới các khu phố"))
            .post(BASE + "/" + id + "/progress-updates");
    assertThat(progress.statusCode()).as(progress.asString()).isEqualTo(201);

    // the source system itself and an admin may
    Response started = TaskFixtures.transition("integration", id, "START", Map.of());
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(200);
    Response adminEdit = put("admin", id, edit, "If-Match", "\"" + TaskFixtures.version(id) + "\"");
    assertThat(adminEdit.statusCode()).as(adminEdit.asString()).isEqualTo(200);
    assertThat(adminEdit.jsonPath().getString("sourceSystem")).isEqualTo(SYSTEM);

    // the integration account deletes what it pushed (a new task)
    Response second =
        putBySource("integration", SYSTEM, "NV-" + UUID.randomUUID(), body(WARD, "2031-06-30"));
    String secondId = second.jsonPath().getString("id");
    assertProblem(
        json("hcm-manager").header("If-Match", "\"0\"").delete(BASE + "/" + secondId),
        409,
        "OWNED_BY_SOURCE");
    assertThat(
            json("integration")
                .header("If-Match", "\"0\"")
                .delete(BASE + "/" + secondId)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void idsOfAnotherProvinceAnswerAsUnknown() {
    String id = UUID.randomUUID().toString();
    Map<String, Object> lead = body(HA_NOI, "2031-06-30");
    Response r = put("integration", id, lead);
    assertProblem(r, 422, "UNKNOWN_UNIT");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/leadUnitId");

    Map<String, Object> assigning = body(WARD, "2031-06-30");
    assigning.put("assigningUnitId", HA_NOI);
    r = putBySource("integration", SYSTEM, "NV-" + UUID.randomUUID(), assigning);
    assertProblem(r, 422, "UNKNOWN_UNIT");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/assigningUnitId");

    // a task of Hà Nội: not a parent, not replaceable, as if it did not exist
    String hanoi = TaskFixtures.created("admin", body(HA_NOI, "2031-06-30"));
    Map<String, Object> child = body(WARD, "2031-06-30");
    child.put("parentId", hanoi);
    r = put("integration", UUID.randomUUID().toString(), child);
    assertProblem(r, 422, "UNKNOWN_TASK");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/parentId");
    assertProblem(put("integration", hanoi, body(WARD, "2031-06-30")), 404, "NOT_FOUND");

    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    doc.put("type", "KE_HOACH");
    doc.put("symbol", "KH-UBND");
    doc.put("issuingUnitId", HA_NOI);
    doc.put("title", "Kế hoạch của Hà Nội " + UUID.randomUUID());
    String directive =
        json("admin")
            .body(doc)
            .post("/api/v1/directives")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> withDirective = body(WARD, "2031-06-30");
    withDirective.put("directiveId", directive);
    r = put("integration", UUID.randomUUID().toString(), withDirective);
    assertProblem(r, 422, "UNKNOWN_DIRECTIVE");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/directiveId");

    // coordinating units may be anywhere (POST's rule), if they exist
    Map<String, Object> coordinated = body(WARD, "2031-06-30");
    coordinated.put("coordinatingUnitIds", List.of(HA_NOI));
    assertThat(put("integration", UUID.randomUUID().toString(), coordinated).statusCode())
        .isEqualTo(201);
    coordinated.put("coordinatingUnitIds", List.of(UUID.randomUUID().toString()));
    r = put("integration", UUID.randomUUID().toString(), coordinated);
    assertProblem(r, 422, "UNKNOWN_UNIT");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/coordinatingUnitIds/0");
  }

  @Test
  void malformedKeysAre400() {
    Map<String, Object> b = body(WARD, "2031-06-30");
    Response r = putBySource("integration", "HCM EGOV!", "NV-1", b);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/path/sourceSystem");
    r = putBySource("integration", SYSTEM, "x".repeat(201), b);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/path/sourceId");
    r = put("integration", "not-a-uuid", b);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
    Map<String, Object> badBody = body(WARD, "2031-06-30");
    badBody.put("sourceSystem", "bad system");
    badBody.put("sourceId", "NV-1");
    r = put("integration", UUID.randomUUID().toString(), badBody);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/sourceSystem");
    Map<String, Object> versionOnly = body(WARD, "2031-06-30");
    versionOnly.put("sourceVersion", 3);
    r = put("admin", UUID.randomUUID().toString(), versionOnly);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/sourceSystem");
    // an officer (not an integration client) names no source system of its own
    Map<String, Object> claimed = body(WARD, "2031-06-30");
    claimed.put("sourceSystem", SYSTEM);
    claimed.put("sourceId", "NV-" + UUID.randomUUID());
    assertProblem(
        put("hcm-manager", UUID.randomUUID().toString(), claimed), 403, "SOURCE_SYSTEM_NOT_YOURS");
  }
}
