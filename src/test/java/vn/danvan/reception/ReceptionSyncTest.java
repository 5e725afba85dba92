package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.security.DemoAccountIdentityProvider;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;

/**
 * Reception records pushed by other systems (DESIGN §9): upserts by id and by source key for
 * sessions, visits and cases, ownership, the feed's rendering and the import of visits — with a
 * denouncer's identity kept out of every answer, audit event and feed record.
 */
@QuarkusTest
class ReceptionSyncTest {

  static final String HCM_EGOV = DemoAccounts.HO_CHI_MINH_SOURCE_SYSTEM;
  static final String HN_EGOV = DemoAccounts.HA_NOI_SOURCE_SYSTEM;

  @Inject CurrentIdentityAssociation identity;
  @Inject @Any Instance<FeedRecordSource> feedSources;
  @Inject @Any Instance<ImportTarget<?>> importTargets;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ bodies

  static Map<String, Object> session(String unit) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", unit);
    b.put("kind", "REGULAR");
    b.put("sessionDate", "2026-03-05");
    b.put("venue", "Trụ sở tiếp công dân");
    b.put("hostName", "Trần Thị Bình");
    b.put("hostRole", "OFFICER");
    b.put("officials", List.of("Lê Văn Cường - Công chức Địa chính"));
    b.put("note", "Phiên " + UUID.randomUUID());
    return b;
  }

  static Map<String, Object> caseOf(String unit) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", unit);
    b.put("kind", "COMPLAINT");
    b.put("field", "LAND");
    b.put("title", "Vụ việc " + UUID.randomUUID());
    b.put("receivedDate", "2026-03-02");
    return b;
  }

  static Map<String, Object> complaint() {
    return visit("COMPLAINT", List.of(visitor(uniqueName("Lâm"), uniqueCccd(), false)));
  }

  static Response put(String user, String path, Map<String, Object> body) {
    return json(user).body(body).put(path).then().extract().response();
  }

  static Response put(String user, String path, String ifMatch, Map<String, Object> body) {
    return json(user).header("If-Match", ifMatch).body(body).put(path).then().extract().response();
  }

  static Response ok(Response r, int status) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    return r;
  }

  static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> b = new LinkedHashMap<>(body);
    b.put(key, value);
    return b;
  }

  static Map<String, Object> sourced(Map<String, Object> body, String system, String id, long v) {
    Map<String, Object> b = new LinkedHashMap<>(body);
    if (system != null) {
      b.put("sourceSystem", system);
      b.put("sourceId", id);
    }
    b.put("sourceVersion", v);
    return b;
  }

  // ------------------------------------------------------------------ upsert by id

  /** The upsert rules every type shares: create, unchanged retry, 428, 412, replace. */
  private void upsertById(String collection, String user, Map<String, Object> body, String field) {
    String id = UUID.randomUUID().toString();
    String path = collection + "/" + id;
    // If-Match on a missing record: 404, as outside the scope; create-only: 201
    assertProblem(put(user, path, "\"0\"", body), 404, "NOT_FOUND");
    Response created =
        ok(json(user).header("If-None-Match", "*").body(body).put(path).andReturn(), 201);
    assertThat(created.header("Location")).endsWith(collection + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.jsonPath().getString("id")).isEqualTo(id);
    assertThat(created.jsonPath().getString("sourceSystem")).isEqualTo(body.get("sourceSystem"));
    // a blind retry: 200, the same ETag, nothing written
    Response retry = ok(put(user, path, body), 200);
    assertThat(retry.header("ETag")).isEqualTo("\"0\"");
    assertThat(retry.header("Location")).isNull();
    Response staleRetry = ok(put(user, path, "\"7\"", body), 200);
    assertThat(staleRetry.header("ETag")).isEqualTo("\"0\"");
    assertProblem(
        json(user).header("If-None-Match", "*").body(body).put(path).andReturn(),
        412,
        "ALREADY_EXISTS");
    // a change needs If-Match, the right one
    Map<String, Object> changed = with(body, field, body.get(field) + " (sửa)");
    assertProblem(put(user, path, changed), 428, "PRECONDITION_REQUIRED");
    assertProblem(put(user, path, "\"3\"", changed), 412, "PRECONDITION_FAILED");
    Response replaced = ok(put(user, path, "\"0\"", changed), 200);
    assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
    assertThat(replaced.jsonPath().getString(field)).isEqualTo(changed.get(field));
    // one change-feed entry per write, none for the retries
    String type =
        switch (collection) {
          case SESSIONS -> "RECEPTION_SESSION";
          case VISITS -> "RECEPTION_VISIT";
          default -> "RECEPTION_CASE";
        };
    assertThat(vn.danvan.testing.Api.feedEntries(type, id)).hasSize(2);
  }

  @Test
  void sessionsVisitsAndCasesAreUpsertedById() {
    upsertById(SESSIONS, "reception", session(AN_HOI_TAY), "note");
    upsertById(VISITS, "reception", complaint(), "summary");
    upsertById(CASES, "reception", caseOf(AN_HOI_TAY), "title");
    upsertById(SESSIONS, "integration", session(AN_HOI_TAY), "venue");
    // an integration client pushes by id with its key: its visitors are then compared for it
    Map<String, Object> pushed = complaint();
    pushed.put("sourceSystem", HCM_EGOV);
    pushed.put("sourceId", "TCD-" + UUID.randomUUID());
    upsertById(VISITS, "integration", pushed, "followUp");
    upsertById(CASES, "integration", caseOf(AN_HOI_TAY), "title");
  }

  @Test
  void visitorsChangeOnlyWithIfMatchAndAnUnchangedRetryComparesThemInMemory() {
    Map<String, Object> body = complaint();
    String path = VISITS + "/" + UUID.randomUUID();
    ok(put("reception", path, body), 201);
    // the same visitors, written differently (spaces, dots): the same person, unchanged
    @SuppressWarnings("unchecked")
    Map<String, Object> person =
        new LinkedHashMap<>(((List<Map<String, Object>>) body.get("visitors")).get(0));
    String cccd = (String) person.get("idNumber");
    person.put("idNumber", cccd.substring(0, 4) + " " + cccd.substring(4));
    Response same = ok(put("reception", path, with(body, "visitors", List.of(person))), 200);
    assertThat(same.header("ETag")).isEqualTo("\"0\"");
    // another person: a change, If-Match needed; the answer never echoes the person
    String other = uniqueName("Mạc");
    person.put("fullName", other);
    Map<String, Object> changed = with(body, "visitors", List.of(person));
    assertProblem(put("reception", path, changed), 428, "PRECONDITION_REQUIRED");
    Response replaced = ok(put("reception", path, "\"0\"", changed), 200);
    assertThat(replaced.asString()).doesNotContain(other);
    assertThat(as("reception").get(path).jsonPath().getString("visitors[0].fullName"))
        .isEqualTo(other);
    // visitors left out: kept
    body.remove("visitors");
    ok(put("reception", path, body), 200);
    assertThat(as("reception").get(path).jsonPath().getString("visitors[0].fullName"))
        .isEqualTo(other);
  }

  @Test
  void caseReplaceKeepsTheLifecycleToTransitions() {
    Map<String, Object> body = caseOf(AN_HOI_TAY);
    body.put("complex", true);
    String id = UUID.randomUUID().toString();
    String path = CASES + "/" + id;
    Response created = ok(put("reception", path, body), 201);
    assertThat(created.jsonPath().getString("status")).isEqualTo("RECEIVED");
    // an open case's deadline facts may be corrected: deadlines follow
    Response corrected = ok(put("reception", path, "\"0\"", with(body, "complex", false)), 200);
    assertThat(corrected.jsonPath().getBoolean("complex")).isFalse();
    // the kind never changes
    assertProblem(
        put("reception", path, "\"1\"", with(body, "kind", "DENUNCIATION")),
        409,
        "CASE_KIND_FIXED");
    // a received date left out keeps the stored one: a retry a day later is still unchanged
    Map<String, Object> noDate = with(body, "complex", false);
    noDate.remove("receivedDate");
    assertThat(ok(put("reception", path, noDate), 200).header("ETag")).isEqualTo("\"1\"");
    // accept, resolve: the facts are then fixed, the description is not
    Map<String, Object> accept = Map.of("action", "ACCEPT", "date", "2026-03-06");
    ok(json("reception").header("If-Match", "\"1\"").body(accept).post(path + "/transitions"), 200);
    assertProblem(
        put("reception", path, "\"2\"", with(noDate, "receivedDate", "2026-03-07")),
        400,
        "VALIDATION_FAILED");
    Map<String, Object> resolve =
        Map.of("action", "RESOLVE", "date", "2026-03-20", "decisionReference", "25/QĐ-UBND");
    ok(
        json("reception").header("If-Match", "\"2\"").body(resolve).post(path + "/transitions"),
        200);
    assertProblem(
        put("reception", path, "\"3\"", with(noDate, "remoteArea", true)), 409, "CASE_FACTS_FIXED");
    Response retitled = ok(put("reception", path, "\"3\"", with(noDate, "title", "Đã đổi")), 200);
    assertThat(retitled.jsonPath().getString("status")).isEqualTo("RESOLVED");
    assertThat(retitled.jsonPath().getString("resolutionDecision")).isEqualTo("25/QĐ-UBND");
    assertThat(retitled.jsonPath().getString("acceptedDate")).isEqualTo("2026-03-06");
  }

  // ------------------------------------------------------------------ by source key

  /** Pushes by source key: create, retry, newer, older (409 with the stored version). */
  private String bySource(String collection, Map<String, Object> body, String field) {
    String sourceId = "SRC-" + UUID.randomUUID();
    String path = collection + "/by-source/" + HCM_EGOV + "/" + sourceId;
    Response created = ok(put("integration", path, sourced(body, null, null, 3)), 201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(collection + "/" + id);
    assertThat(created.jsonPath().getString("sourceSystem")).isEqualTo(HCM_EGOV);
    assertThat(created.jsonPath().getString("sourceId")).isEqualTo(sourceId);
    assertThat(created.jsonPath().getLong("sourceVersion")).isEqualTo(3);
    // the same push again: unchanged; the body's key equal to the path's is accepted
    Response retry = ok(put("integration", path, sourced(body, HCM_EGOV, sourceId, 3)), 200);
    assertThat(retry.header("ETag")).isEqualTo("\"0\"");
    assertThat(retry.jsonPath().getString("id")).isEqualTo(id);
    // a newer version replaces without If-Match
    Map<String, Object> newer = with(body, field, body.get(field) + " (v4)");
    Response replaced = ok(put("integration", path, sourced(newer, null, null, 4)), 200);
    assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
    assertThat(replaced.jsonPath().getLong("sourceVersion")).isEqualTo(4);
    // an older one is refused with the stored versions
    Response older = put("integration", path, sourced(body, null, null, 2));
    assertProblem(older, 409, "SOURCE_VERSION_CONFLICT");
    assertThat(older.jsonPath().getLong("current.sourceVersion")).isEqualTo(4);
    assertThat(older.jsonPath().getLong("current.version")).isEqualTo(1);
    // the same version with other content too
    assertProblem(
        put("integration", path, sourced(body, null, null, 4)), 409, "SOURCE_VERSION_CONFLICT");
    // a body key other than the path's: 400 at the field
    Response mismatch = put("integration", path, sourced(body, HCM_EGOV, "OTHER", 5));
    assertProblem(mismatch, 400, "VALIDATION_FAILED");
    assertThat(mismatch.jsonPath().getString("errors[0].pointer")).isEqualTo("/sourceId");
    // by id, the owner's record answers the same
    assertThat(
            ok(as("integration").get(collection + "/" + id).andReturn(), 200)
                .jsonPath()
                .getLong("sourceVersion"))
        .isEqualTo(4);
    return id;
  }

  @Test
  void sessionsVisitsAndCasesArePushedBySourceKeyInSourceOrder() {
    bySource(SESSIONS, session(AN_HOI_TAY), "note");
    bySource(VISITS, complaint(), "summary");
    bySource(CASES, caseOf(AN_HOI_TAY), "title");
  }

  // ------------------------------------------------------------------ ownership

  @Test
  void aPushedRecordIsChangedOnlyByItsSystemOrAnAdmin() {
    // a case pushed by TP HCM's system
    String path = CASES + "/by-source/" + HCM_EGOV + "/VV-" + UUID.randomUUID();
    Map<String, Object> body = caseOf(AN_HOI_TAY);
    String id =
        ok(put("integration", path, sourced(body, null, null, 1)), 201).jsonPath().getString("id");
    String byId = CASES + "/" + id;
    Map<String, Object> retitled = with(body, "title", "Sửa bởi phường");
    Response refused = put("reception", byId, "\"0\"", retitled);
    assertProblem(refused, 409, "OWNED_BY_SOURCE");
    assertThat(refused.jsonPath().getString("current.sourceSystem")).isEqualTo(HCM_EGOV);
    assertThat(refused.jsonPath().getLong("current.sourceVersion")).isEqualTo(1);
    // its lifecycle too: the handler's transition is refused, the owner's accepted
    Map<String, Object> accept = Map.of("action", "ACCEPT", "date", "2026-03-06");
    assertProblem(
        json("denunciation").header("If-Match", "\"0\"").body(accept).post(byId + "/transitions"),
        409,
        "OWNED_BY_SOURCE");
    ok(
        json("integration").header("If-Match", "\"0\"").body(accept).post(byId + "/transitions"),
        200);
    // Hà Nội's system does not even see it; it may not push under TP HCM's key
    assertProblem(put("integration-hn", byId, "\"1\"", retitled), 404, "NOT_FOUND");
    assertProblem(put("integration-hn", path, sourced(body, null, null, 9)), 404, "NOT_FOUND");
    assertProblem(
        put(
            "integration",
            CASES + "/by-source/" + HN_EGOV + "/VV-" + UUID.randomUUID(),
            sourced(body, null, null, 1)),
        403,
        "SOURCE_SYSTEM_NOT_YOURS");
    // an admin may
    ok(put("admin", byId, "\"1\"", retitled), 200);
    // an integration client transitions only what its system pushed
    String local =
        ok(json("reception").body(caseOf(AN_HOI_TAY)).post(CASES).andReturn(), 201)
            .jsonPath()
            .getString("id");
    assertProblem(
        json("integration")
            .header("If-Match", "\"0\"")
            .body(accept)
            .post(CASES + "/" + local + "/transitions"),
        403,
        "FORBIDDEN");

    // a pushed visit: the officer may not replace it, but records the documents handed in
    String visitPath = VISITS + "/by-source/" + HCM_EGOV + "/TCD-" + UUID.randomUUID();
    Map<String, Object> visit = complaint();
    String visitId =
        ok(put("integration", visitPath, sourced(visit, null, null, 1)), 201)
            .jsonPath()
            .getString("id");
    assertProblem(
        put("reception", VISITS + "/" + visitId, "\"0\"", with(visit, "followUp", "Hẹn lại")),
        409,
        "OWNED_BY_SOURCE");
    Response doc =
        as("reception")
            .multiPart("file", "don.pdf", "%PDF-1.4\n%%EOF\n".getBytes(), "application/pdf")
            .post(VISITS + "/" + visitId + "/documents");
    assertThat(doc.statusCode()).as(doc.asString()).isEqualTo(201);

    // a pushed session
    String sessionPath = SESSIONS + "/by-source/" + HCM_EGOV + "/BT-" + UUID.randomUUID();
    Map<String, Object> s = session(AN_HOI_TAY);
    String sessionId =
        ok(put("integration", sessionPath, sourced(s, null, null, 1)), 201)
            .jsonPath()
            .getString("id");
    assertProblem(
        put("reception", SESSIONS + "/" + sessionId, "\"0\"", with(s, "venue", "Nhà văn hóa")),
        409,
        "OWNED_BY_SOURCE");
    // a record made here may be claimed by a system that pushes it with its key
    String mine = UUID.randomUUID().toString();
    ok(put("reception", SESSIONS + "/" + mine, s), 201);
    Response claimed =
        ok(
            put(
                "integration",
                SESSIONS + "/" + mine,
                "\"0\"",
                sourced(with(s, "venue", "Nhà văn hóa"), HCM_EGOV, "BT-" + mine, 1)),
            200);
    assertThat(claimed.jsonPath().getString("sourceSystem")).isEqualTo(HCM_EGOV);
    assertProblem(put("reception", SESSIONS + "/" + mine, "\"1\"", s), 409, "OWNED_BY_SOURCE");
  }

  @Test
  void idsOfAnotherProvinceAreRefusedInEveryField() {
    // Hà Nội's records, pushed by Hà Nội's system
    String hnSession =
        ok(
                put(
                    "integration-hn",
                    SESSIONS + "/by-source/" + HN_EGOV + "/BT-" + UUID.randomUUID(),
                    session(HA_NOI)),
                201)
            .jsonPath()
            .getString("id");
    Map<String, Object> hnCaseBody = caseOf(HA_NOI);
    String hnCase =
        ok(put("integration-hn", CASES + "/" + UUID.randomUUID(), hnCaseBody), 201)
            .jsonPath()
            .getString("id");
    Map<String, Object> hnVisit = complaint();
    hnVisit.put("orgUnitId", HA_NOI);
    String hnVisitId =
        ok(put("integration-hn", VISITS + "/" + UUID.randomUUID(), hnVisit), 201)
            .jsonPath()
            .getString("id");

    for (String user : List.of("integration", "reception")) {
      // a unit of another province: 422 UNKNOWN_UNIT
      assertProblem(
          put(user, VISITS + "/" + UUID.randomUUID(), with(complaint(), "orgUnitId", HA_NOI)),
          422,
          "UNKNOWN_UNIT");
      assertProblem(
          put(user, SESSIONS + "/" + UUID.randomUUID(), session(HA_NOI)), 422, "UNKNOWN_UNIT");
      assertProblem(
          put(user, CASES + "/" + UUID.randomUUID(), caseOf(HA_NOI)), 422, "UNKNOWN_UNIT");
      // its session and case: unknown, as if they did not exist
      Response session =
          put(user, VISITS + "/" + UUID.randomUUID(), with(complaint(), "sessionId", hnSession));
      assertProblem(session, 400, "VALIDATION_FAILED");
      assertThat(session.jsonPath().getString("errors[0].pointer")).isEqualTo("/sessionId");
      Response kase =
          put(user, VISITS + "/" + UUID.randomUUID(), with(complaint(), "caseId", hnCase));
      assertProblem(kase, 400, "VALIDATION_FAILED");
      assertThat(kase.jsonPath().getString("errors[0].pointer")).isEqualTo("/caseId");
      // its records by id: 404, never created over nor replaced
      assertProblem(
          put(user, VISITS + "/" + hnVisitId, with(complaint(), "orgUnitId", AN_HOI_TAY)),
          404,
          "NOT_FOUND");
      assertProblem(put(user, CASES + "/" + hnCase, caseOf(AN_HOI_TAY)), 404, "NOT_FOUND");
      assertProblem(put(user, SESSIONS + "/" + hnSession, session(AN_HOI_TAY)), 404, "NOT_FOUND");
    }
    assertThat(as("integration-hn").get(CASES + "/" + hnCase).jsonPath().getString("title"))
        .isEqualTo(hnCaseBody.get("title"));
  }

  // ------------------------------------------------------------------ a denouncer's identity

  @Test
  void aPushedDenunciationKeepsTheDenouncerOutOfEveryAnswerAuditAndFeedRecord() throws Exception {
    String name = uniqueName("Khổng");
    String cccd = uniqueCccd();
    Map<String, Object> body = visit("DENUNCIATION", List.of(visitor(name, cccd, false)));
    body.put("field", "CORRUPTION");
    String path = VISITS + "/by-source/" + HCM_EGOV + "/TC-" + UUID.randomUUID();
    List<String> seen = new ArrayList<>();
    Response created = ok(put("integration", path, sourced(body, null, null, 1)), 201);
    seen.add(created.asString());
    String id = created.jsonPath().getString("id");
    assertThat(created.jsonPath().getBoolean("identityProtected")).isTrue();
    assertThat(created.jsonPath().getList("visitors")).isEmpty();
    // the owner's blind retry is recognised (compared in memory), a changed identity is not
    Response retry = ok(put("integration", path, sourced(body, null, null, 1)), 200);
    assertThat(retry.header("ETag")).isEqualTo("\"0\"");
    seen.add(retry.asString());
    String newName = uniqueName("Khổng");
    Map<String, Object> changed = with(body, "visitors", List.of(visitor(newName, cccd, false)));
    Response sameVersion = put("integration", path, sourced(changed, null, null, 1));
    assertProblem(sameVersion, 409, "SOURCE_VERSION_CONFLICT");
    seen.add(sameVersion.asString());
    Response newer = ok(put("integration", path, sourced(changed, null, null, 2)), 200);
    seen.add(newer.asString());
    seen.add(as("integration").get(VISITS + "/" + id).asString());
    seen.add(
        as("integration")
            .queryParam("reason", "Xác minh")
            .get(VISITS + "/" + id + "/protected-identity")
            .asString());
    seen.add(
        as("admin")
            .queryParam("entityType", "RECEPTION_VISIT")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .asString());
    for (String user : List.of("integration", "reception", "denunciation", "auditor", "admin")) {
      Map<UUID, Object> records =
          asUser(
              user, () -> visitSource().records("RECEPTION_VISIT", List.of(UUID.fromString(id))));
      assertThat(records).containsKey(UUID.fromString(id));
      VisitResponse r = (VisitResponse) records.get(UUID.fromString(id));
      assertThat(r.visitors()).isEmpty();
      assertThat(r.identityProtected()).isTrue();
      seen.add(r.toString());
    }
    for (String s : seen) {
      assertThat(s).doesNotContain(name).doesNotContain(newName).doesNotContain(cccd);
    }
    // the handler, with a reason, reads the pushed identity
    Response read =
        as("denunciation")
            .queryParam("reason", "Xác minh theo quyết định thụ lý")
            .get(VISITS + "/" + id + "/protected-identity");
    assertThat(read.jsonPath().getString("visitors[0].fullName")).isEqualTo(newName);
    assertNotInTables(name, newName, cccd);
  }

  @Test
  void visitorsAreComparedOnlyForCallersWhoMayKnowThem() {
    // a complaint: the officer reads its visitors in full, an integration client only masks
    Map<String, Object> complaint = complaint();
    String complaintPath = VISITS + "/" + UUID.randomUUID();
    ok(put("reception", complaintPath, complaint), 201);
    assertThat(ok(put("reception", complaintPath, complaint), 200).header("ETag"))
        .isEqualTo("\"0\"");
    assertProblem(put("integration", complaintPath, complaint), 428, "PRECONDITION_REQUIRED");
    // made by the officer (no source): resending the same identity is a change for everyone,
    // so the answer cannot confirm a guessed denouncer
    String name = uniqueName("Ông");
    Map<String, Object> body = visit("DENUNCIATION", List.of(visitor(name, uniqueCccd(), false)));
    String path = VISITS + "/" + UUID.randomUUID();
    ok(put("reception", path, body), 201);
    assertProblem(put("reception", path, body), 428, "PRECONDITION_REQUIRED");
    assertProblem(put("denunciation", path, body), 428, "PRECONDITION_REQUIRED");
    // without visitors the rest is compared as usual
    Map<String, Object> rest = new LinkedHashMap<>(body);
    rest.remove("visitors");
    assertThat(ok(put("reception", path, rest), 200).header("ETag")).isEqualTo("\"0\"");
  }

  // ------------------------------------------------------------------ feed records

  @Test
  void feedRecordsAreWhatGetAnswersMaskedAndBatched() throws Exception {
    String name = uniqueName("Phí");
    String cccd = uniqueCccd();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Map<String, Object> body =
          visit(
              "COMPLAINT",
              List.of(visitor(i == 0 ? name : uniqueName("Phí"), uniqueCccd(), false)));
      if (i == 0) {
        body.put("visitors", List.of(visitor(name, cccd, false)));
      }
      ids.add(UUID.fromString(createOk("reception", body)));
    }
    Map<String, Object> hn = complaint();
    hn.put("orgUnitId", HA_NOI);
    UUID hnVisit =
        UUID.fromString(
            ok(put("integration-hn", VISITS + "/" + UUID.randomUUID(), hn), 201)
                .jsonPath()
                .getString("id"));
    List<UUID> asked = new ArrayList<>(ids);
    asked.add(hnVisit);
    asked.add(UUID.randomUUID());

    // the officer sees visitors in full, as GET answers
    List<String> sql = new ArrayList<>();
    Map<UUID, Object> full =
        asUser(
            "reception",
            () -> countingSql(sql, () -> visitSource().records("RECEPTION_VISIT", asked)));
    assertThat(full.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    VisitResponse first = (VisitResponse) full.get(ids.get(0));
    assertThat(first.visitors().get(0).fullName()).isEqualTo(name);
    assertThat(first.visitorsMasked()).isFalse();
    String get = as("reception").get(VISITS + "/" + ids.get(0)).asString();
    assertThat(get).contains(name).contains(cccd);
    // a few statements for the whole page, not one per record
    long selects = sql.stream().filter(s -> s.toLowerCase().contains("select")).count();
    assertThat(selects).as(String.join("\n", sql)).isPositive().isLessThanOrEqualTo(4);

    // the auditor sees masks; Hà Nội's integration client sees none of TP HCM
    VisitResponse masked =
        (VisitResponse)
            asUser("auditor", () -> visitSource().records("RECEPTION_VISIT", asked))
                .get(ids.get(0));
    assertThat(masked.visitorsMasked()).isTrue();
    assertThat(masked.visitors().get(0).fullName()).isNotEqualTo(name).startsWith("Phí");
    assertThat(masked.visitors().get(0).idNumber()).isNotEqualTo(cccd).endsWith("****");
    assertThat(asUser("integration-hn", () -> visitSource().records("RECEPTION_VISIT", asked)))
        .containsOnlyKeys(hnVisit);

    // sessions and cases, the same way
    String sessionId =
        ok(put("reception", SESSIONS + "/" + UUID.randomUUID(), session(AN_HOI_TAY)), 201)
            .jsonPath()
            .getString("id");
    String caseId =
        ok(put("reception", CASES + "/" + UUID.randomUUID(), caseOf(AN_HOI_TAY)), 201)
            .jsonPath()
            .getString("id");
    Map<UUID, Object> sessions =
        asUser(
            "auditor",
            () -> visitSource().records("RECEPTION_SESSION", List.of(UUID.fromString(sessionId))));
    assertThat(((SessionResponse) sessions.get(UUID.fromString(sessionId))).hostName())
        .isEqualTo("Trần Thị Bình");
    Map<UUID, Object> cases =
        asUser(
            "auditor",
            () -> visitSource().records("RECEPTION_CASE", List.of(UUID.fromString(caseId))));
    CaseResponse c = (CaseResponse) cases.get(UUID.fromString(caseId));
    assertThat(c.status()).isEqualTo(CaseStatus.RECEIVED);
    assertThat(c.deadlines()).isNotEmpty();
    assertThat(
            asUser(
                "viewer",
                () -> visitSource().records("RECEPTION_CASE", List.of(UUID.fromString(caseId)))))
        .isEmpty();
  }

  // ------------------------------------------------------------------ import

  @Test
  @SuppressWarnings("unchecked")
  void visitsAreImportedByIdOrSourceKey() throws Exception {
    ImportTarget<VisitImportItem> target =
        (ImportTarget<VisitImportItem>)
            importTargets.stream()
                .filter(t -> t.type().equals("RECEPTION_VISIT"))
                .findFirst()
                .orElseThrow();
    assertThat(target.itemType()).isEqualTo(VisitImportItem.class);
    String sourceId = "TCD-" + UUID.randomUUID();
    UUID byId = UUID.randomUUID();
    String name = uniqueName("Giáp");
    String cccd0 = uniqueCccd();
    List<VisitImportItem> items =
        List.of(
            item(null, null, sourceId, 1L, name, AN_HOI_TAY, cccd0),
            item(byId, null, "TCD-" + byId, null, uniqueName("Giáp"), AN_HOI_TAY, uniqueCccd()),
            item(null, null, null, null, uniqueName("Giáp"), AN_HOI_TAY, uniqueCccd()),
            item(
                null,
                null,
                "X-" + UUID.randomUUID(),
                null,
                uniqueName("Giáp"),
                HA_NOI,
                uniqueCccd()),
            item(
                null,
                HN_EGOV,
                "X-" + UUID.randomUUID(),
                null,
                uniqueName("Giáp"),
                AN_HOI_TAY,
                uniqueCccd()));
    List<ImportItemResult> first =
        asUser("integration", () -> inTransaction(() -> target.apply(items)));
    assertThat(first).hasSize(5);
    assertThat(first.get(0).outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(first.get(1).outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(first.get(1).id()).isEqualTo(byId);
    assertThat(first.get(2).error().status()).isEqualTo(400);
    assertThat(first.get(2).error().errors().get(0).pointer()).isEqualTo("/id");
    assertThat(first.get(3).error().status()).isEqualTo(422);
    assertThat(first.get(3).error().errors().get(0).pointer()).isEqualTo("/orgUnitId");
    assertThat(first.get(4).error().status()).isEqualTo(403);
    for (ImportItemResult r : first) {
      assertThat(String.valueOf(r.error())).doesNotContain(name);
    }
    // the pushed key, the caller's system by default
    Response pushed = ok(as("integration").get(VISITS + "/" + first.get(0).id()).andReturn(), 200);
    assertThat(pushed.jsonPath().getString("sourceSystem")).isEqualTo(HCM_EGOV);
    assertThat(pushed.jsonPath().getString("sourceId")).isEqualTo(sourceId);
    // again: unchanged, and a newer version updates; a bad ID number is an item error
    List<VisitImportItem> again =
        List.of(
            items.get(0),
            items.get(1),
            item(null, null, sourceId, 2L, name, AN_HOI_TAY, cccd0),
            item(null, null, "Y-" + UUID.randomUUID(), null, name, AN_HOI_TAY, "12"));
    List<ImportItemResult> second =
        asUser("integration", () -> inTransaction(() -> target.apply(again)));
    assertThat(second.get(0).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    assertThat(second.get(1).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    assertThat(second.get(2).outcome()).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(second.get(2).id()).isEqualTo(first.get(0).id());
    assertThat(second.get(3).error().errors().get(0).pointer()).isEqualTo("/visitors/0/idNumber");
    assertThat(
            as("integration")
                .get(VISITS + "/" + first.get(0).id())
                .jsonPath()
                .getLong("sourceVersion"))
        .isEqualTo(2);
    // a viewer writes nothing
    assertThat(asUser("viewer", () -> inTransaction(() -> target.apply(List.of(items.get(1))))))
        .allSatisfy(r -> assertThat(r.error().status()).isEqualTo(403));
  }

  static VisitImportItem item(
      UUID id,
      String system,
      String sourceId,
      Long version,
      String name,
      String unit,
      String cccd) {
    return new VisitImportItem(
        id,
        null,
        UUID.fromString(unit),
        java.time.OffsetDateTime.parse("2026-03-05T08:30:00+07:00"),
        List.of(new Visitor(name, IdentityDocumentType.CCCD, cccd, null, "0901234567", null)),
        null,
        null,
        ContentKind.COMPLAINT,
        VisitField.LAND,
        "Khiếu nại việc thu hồi đất thửa số 125",
        null,
        VisitOutcome.ACCEPTED_FOR_RESOLUTION,
        null,
        null,
        null,
        null,
        system,
        sourceId,
        version,
        null);
  }

  // ------------------------------------------------------------------ helpers

  private FeedRecordSource visitSource() {
    return feedSources.stream()
        .filter(
            s ->
                s.entityTypes()
                    .containsAll(List.of("RECEPTION_SESSION", "RECEPTION_VISIT", "RECEPTION_CASE")))
        .findFirst()
        .orElseThrow();
  }

  /** Runs {@code work} in a request of the demo account {@code user}. */
  private <T> T asUser(String user, Callable<T> work) throws Exception {
    DemoAccounts.Account a = DemoAccounts.find(user).orElseThrow();
    QuarkusSecurityIdentity.Builder b =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(a.username()))
            .addRole(a.role())
            .addAttribute(DemoAccountIdentityProvider.HOME_UNIT_ATTRIBUTE, a.homeUnitId());
    if (a.sourceSystem() != null) {
      b.addAttribute(DemoAccountIdentityProvider.SOURCE_SYSTEM_ATTRIBUTE, a.sourceSystem());
    }
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      identity.setIdentity(b.build());
      return work.call();
    } finally {
      request.terminate();
    }
  }

  private static <T> T inTransaction(Callable<T> work) {
    return QuarkusTransaction.requiringNew().call(work);
  }

  /** The SQL statements Hibernate logs while {@code work} runs. */
  private static <T> T countingSql(List<String> sql, Callable<T> work) throws Exception {
    Logger logger = Logger.getLogger("org.hibernate.SQL");
    Handler h =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            sql.add(String.valueOf(r.getMessage()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    h.setLevel(Level.ALL);
    Level before = logger.getLevel();
    logger.setLevel(Level.FINE);
    logger.addHandler(h);
    try {
      return work.call();
    } finally {
      logger.removeHandler(h);
      logger.setLevel(before);
    }
  }

  private void assertNotInTables(String... values) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String table :
                  List.of("reception_visit", "audit_event", "change_log", "idempotency_record")) {
                for (String value : values) {
                  Number n =
                      (Number)
                          em.createNativeQuery(
                                  "select count(*) from "
                                      + table
                                      + " t where t::text like '%' || :v || '%'")
                              .setParameter("v", value)
                              .getSingleResult();
                  assertThat(n.longValue()).as(table).isZero();
                }
              }
            });
  }
}
