package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.directive.DirectiveFixtures.HCM;
import static vn.danvan.directive.DirectiveFixtures.doc;
import static vn.danvan.directive.DirectiveFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/**
 * Documents pushed by PUT (DESIGN §9): upsert by a client-chosen id and by source key, the source
 * order of pushes, preconditions, and ownership by the source system that pushed them.
 */
@QuarkusTest
class DirectiveUpsertTest {

  static final String HCM_SYSTEM = "HCM-EGOV";

  /** A draft plan of TP HCM with a title no other test uses. */
  static Map<String, Object> draft(String title) {
    return doc("KE_HOACH", null, "KH-UBND", HCM, null, title, Map.of("place", "TP HCM"));
  }

  static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>(body);
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return out;
  }

  static Response put(String user, String id, Map<String, Object> body, String ifMatch) {
    var request = json(user).body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.put(BASE + "/" + id);
  }

  static Response putBySource(String user, String system, String sourceId, Map<String, Object> b) {
    return json(user).body(b).put(BASE + "/by-source/" + system + "/" + sourceId);
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  @Test
  void putCreatesReplacesAndAnswersARetryWithTheStoredVersion() {
    String id = UUID.randomUUID().toString();
    Map<String, Object> body = draft(Api.unique("Kế hoạch upsert"));

    Response created = put("hcm-manager", id, body, null);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo(etag(0));
    assertThat(created.jsonPath().getString("id")).isEqualTo(id);
    assertThat(created.jsonPath().getString("status")).isEqualTo("DRAFT");
    assertThat(Api.feedEntries("DIRECTIVE", id)).hasSize(1);

    // a blind retry after a lost response: 200 with the stored version, nothing written
    Response retry = put("hcm-manager", id, body, null);
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo(etag(0));
    assertThat(Api.feedEntries("DIRECTIVE", id)).hasSize(1);

    Map<String, Object> changed = with(body, "title", body.get("title") + " (sửa)");
    assertProblem(put("hcm-manager", id, changed, null), 428, "PRECONDITION_REQUIRED");

    Response replaced = put("hcm-manager", id, changed, etag(0));
    assertThat(replaced.statusCode()).as(replaced.asString()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo(etag(1));
    assertThat(replaced.jsonPath().getString("title")).isEqualTo(changed.get("title"));
    assertThat(Api.feedEntries("DIRECTIVE", id)).hasSize(2);

    assertProblem(put("hcm-manager", id, body, etag(0)), 412, "PRECONDITION_FAILED");
    Response exists =
        json("hcm-manager").header("If-None-Match", "*").body(body).put(BASE + "/" + id);
    assertProblem(exists, 412, "ALREADY_EXISTS");
    assertThat(exists.jsonPath().getLong("current.version")).isEqualTo(1);

    String missing = UUID.randomUUID().toString();
    assertProblem(put("hcm-manager", missing, body, etag(0)), 404, "NOT_FOUND");
    Response createOnly =
        json("hcm-manager")
            .header("If-None-Match", "*")
            .body(draft(Api.unique("Chỉ tạo mới")))
            .put(BASE + "/" + missing);
    assertThat(createOnly.statusCode()).as(createOnly.asString()).isEqualTo(201);
  }

  @Test
  void pushesBySourceKeyAreOrderedBySourceVersion() {
    String sourceId = "VB-" + UUID.randomUUID();
    Map<String, Object> v1 = with(draft(Api.unique("Kế hoạch nguồn")), "sourceVersion", 1);

    Response created = putBySource("integration", HCM_SYSTEM, sourceId, v1);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo(etag(0));
    assertThat(created.jsonPath().getString("sourceSystem")).isEqualTo(HCM_SYSTEM);
    assertThat(created.jsonPath().getString("sourceId")).isEqualTo(sourceId);
    assertThat(created.jsonPath().getLong("sourceVersion")).isEqualTo(1);

    Response same = putBySource("integration", HCM_SYSTEM, sourceId, v1);
    assertThat(same.statusCode()).as(same.asString()).isEqualTo(200);
    assertThat(same.header("ETag")).isEqualTo(etag(0));

    // a newer source version replaces without If-Match
    Map<String, Object> v2 =
        with(
            v1,
            "sourceVersion",
            2,
            "title",
            v1.get("title") + " v2",
            "sourceUpdatedAt",
            "2025-03-01T08:00:00+07:00");
    Response updated = putBySource("integration", HCM_SYSTEM, sourceId, v2);
    assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo(etag(1));
    assertThat(updated.jsonPath().getLong("sourceVersion")).isEqualTo(2);
    assertThat(updated.jsonPath().getString("id")).isEqualTo(id);

    Response older = putBySource("integration", HCM_SYSTEM, sourceId, with(v1, "title", "cũ hơn"));
    assertProblem(older, 409, "SOURCE_VERSION_CONFLICT");
    assertThat(older.jsonPath().getLong("current.sourceVersion")).isEqualTo(2);
    assertThat(older.jsonPath().getLong("current.version")).isEqualTo(1);
    assertThat(older.jsonPath().getString("current.sourceSystem")).isEqualTo(HCM_SYSTEM);

    Response sameVersionOtherContent =
        putBySource("integration", HCM_SYSTEM, sourceId, with(v2, "title", "khác"));
    assertProblem(sameVersionOtherContent, 409, "SOURCE_VERSION_CONFLICT");

    Response retried = putBySource("integration", HCM_SYSTEM, sourceId, v2);
    assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
    assertThat(retried.header("ETag")).isEqualTo(etag(1));

    Response read = json("integration").get(BASE + "/" + id);
    assertThat(read.jsonPath().getString("sourceUpdatedAt")).isNotNull();
    assertThat(read.jsonPath().getString("title")).isEqualTo(v2.get("title"));
  }

  @Test
  void aDocumentPushedByASourceSystemIsChangedOnlyByThatSystemOrAnAdmin() {
    String sourceId = "VB-" + UUID.randomUUID();
    Map<String, Object> body = with(draft(Api.unique("Văn bản sở hữu")), "sourceVersion", 1);
    Response created = putBySource("integration", HCM_SYSTEM, sourceId, body);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    Map<String, Object> changed = with(body, "title", body.get("title") + " (sửa)");

    // a person of the same province reads it but may not change it
    Response edit = put("hcm-manager", id, changed, etag(0));
    assertProblem(edit, 409, "OWNED_BY_SOURCE");
    assertThat(edit.jsonPath().getString("current.sourceSystem")).isEqualTo(HCM_SYSTEM);
    assertProblem(
        json("hcm-manager").header("If-Match", etag(0)).delete(BASE + "/" + id),
        409,
        "OWNED_BY_SOURCE");
    assertProblem(transition("hcm-manager", id, 0, "ISSUE"), 409, "OWNED_BY_SOURCE");
    assertProblem(
        json("hcm-manager")
            .body(Map.of("citation", "Công văn 1/UBND", "relation", "BASED_ON"))
            .post(BASE + "/" + id + "/references"),
        409,
        "OWNED_BY_SOURCE");

    // Hà Nội's system does not see TP HCM's draft and cannot write by TP HCM's keys
    assertProblem(json("integration-hn").get(BASE + "/" + id), 404, "NOT_FOUND");
    assertProblem(put("integration-hn", id, changed, etag(0)), 404, "NOT_FOUND");
    assertProblem(
        putBySource("integration-hn", HCM_SYSTEM, sourceId, with(changed, "sourceVersion", 2)),
        403,
        "SOURCE_SYSTEM_NOT_YOURS");
    assertProblem(
        putBySource("integration-hn", HCM_SYSTEM, "VB-" + UUID.randomUUID(), body),
        403,
        "SOURCE_SYSTEM_NOT_YOURS");
    assertProblem(
        put(
            "integration-hn",
            UUID.randomUUID().toString(),
            with(body, "sourceSystem", HCM_SYSTEM, "sourceId", "VB-" + UUID.randomUUID()),
            null),
        403,
        "SOURCE_SYSTEM_NOT_YOURS");

    // an admin may change it; the owner changes it too, also by transitions
    // (without a source version: the stored one stays, as an edit that is not a push)
    Response byAdmin = put("admin", id, with(changed, "sourceVersion", null), etag(0));
    assertThat(byAdmin.statusCode()).as(byAdmin.asString()).isEqualTo(200);
    assertThat(byAdmin.jsonPath().getString("sourceSystem")).isEqualTo(HCM_SYSTEM);
    Response issued = transition("integration", id, 1, "ISSUE");
    assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);

    // and the owner deletes its own drafts
    String other = "VB-" + UUID.randomUUID();
    Response draft =
        putBySource("integration", HCM_SYSTEM, other, draft(Api.unique("Dự thảo để xóa")));
    assertThat(draft.statusCode()).as(draft.asString()).isEqualTo(201);
    Response deleted =
        json("integration")
            .header("If-Match", etag(0))
            .delete(BASE + "/" + draft.jsonPath().getString("id"));
    assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(204);
  }

  @Test
  void badKeysAndOtherProvincesAreRefused() {
    Map<String, Object> body = draft(Api.unique("Khóa sai"));

    Response badSystem = putBySource("integration", "HCM EGOV!", "x1", body);
    assertProblem(badSystem, 400, "VALIDATION_FAILED");
    assertThat(badSystem.jsonPath().getString("errors[0].pointer")).isEqualTo("/path/sourceSystem");

    Response nul =
        json("integration")
            .urlEncodingEnabled(false)
            .body(body)
            .put(BASE + "/by-source/" + HCM_SYSTEM + "/a%00b");
    assertProblem(nul, 400, "VALIDATION_FAILED");
    // (the service refuses U+0000 anywhere in a path before any resource sees it)
    assertThat(nul.jsonPath().getString("errors[0].pointer")).startsWith("/path");

    Response nulInBody =
        put(
            "integration",
            UUID.randomUUID().toString(),
            with(body, "sourceSystem", HCM_SYSTEM, "sourceId", "a\u0000b"),
            null);
    assertProblem(nulInBody, 400, "VALIDATION_FAILED");
    assertThat(nulInBody.jsonPath().getString("errors[0].pointer")).isEqualTo("/sourceId");

    Response mismatch =
        putBySource("integration", HCM_SYSTEM, "x2", with(body, "sourceSystem", "HN-EGOV"));
    assertProblem(mismatch, 400, "VALIDATION_FAILED");
    assertThat(mismatch.jsonPath().getString("errors[0].pointer")).isEqualTo("/sourceSystem");

    Response versionWithoutKey =
        put("hcm-manager", UUID.randomUUID().toString(), with(body, "sourceVersion", 3), null);
    assertProblem(versionWithoutKey, 400, "VALIDATION_FAILED");
    assertThat(versionWithoutKey.jsonPath().getString("errors[0].pointer"))
        .isEqualTo("/sourceSystem");

    // ids of another province: the issuer must be in the caller's scope
    Response otherIssuer =
        putBySource(
            "integration",
            HCM_SYSTEM,
            "VB-" + UUID.randomUUID(),
            with(body, "issuingUnitId", Api.HA_NOI));
    assertProblem(otherIssuer, 422, "UNKNOWN_UNIT");
    assertThat(otherIssuer.jsonPath().getString("errors[0].pointer")).isEqualTo("/issuingUnitId");

    // a document of Hà Nội's own system is not TP HCM's to replace
    Response hn =
        putBySource(
            "integration-hn",
            "HN-EGOV",
            "VB-" + UUID.randomUUID(),
            with(body, "issuingUnitId", Api.HA_NOI));
    assertThat(hn.statusCode()).as(hn.asString()).isEqualTo(201);
    String hnId = hn.jsonPath().getString("id");
    assertProblem(put("integration", hnId, body, etag(0)), 404, "NOT_FOUND");

    // the same source key on another document
    String key = "VB-" + UUID.randomUUID();
    assertThat(putBySource("integration", HCM_SYSTEM, key, body).statusCode()).isEqualTo(201);
    Response taken =
        put(
            "integration",
            UUID.randomUUID().toString(),
            with(draft(Api.unique("Trùng khóa")), "sourceSystem", HCM_SYSTEM, "sourceId", key),
            null);
    assertProblem(taken, 409, "DUPLICATE");
  }
}
