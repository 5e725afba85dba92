package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.TestClock;

/** Cases: transitions, deadlines over the injected clock, duplicates, retention. */
@QuarkusTest
class ReceptionCaseTest {

  @Inject ReceptionRetention retention;
  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  static Map<String, Object> caseBody(String kind, String received) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", AN_HOI_TAY);
    b.put("kind", kind);
    b.put("field", "LAND");
    b.put("title", "Vụ việc " + UUID.randomUUID());
    b.put("receivedDate", received);
    return b;
  }

  static Response createCase(Map<String, Object> body) {
    Response r = json("reception").body(body).post(CASES);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r;
  }

  static Response transition(String id, long version, String action, String date, String decision) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", action);
    b.put("date", date);
    if (decision != null) {
      b.put("decisionReference", decision);
    }
    return json("denunciation")
        .header("If-Match", "\"" + version + "\"")
        .body(b)
        .post(CASES + "/" + id + "/transitions");
  }

  private static JsonPath deadline(String id, int i) {
    Response r = as("reception").get(CASES + "/" + id + "/deadlines");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return new JsonPath(r.asString()).setRootPath("items[" + i + "]");
  }

  @Test
  void complaintDeadlinesAndStates() {
    TestClock.today(LocalDate.of(2026, 3, 5));
    Map<String, Object> b = caseBody("COMPLAINT", "2026-03-02");
    b.put("complex", true);
    String id = createCase(b).jsonPath().getString("id");
    assertThat(deadline(id, 0).getString("dueDate")).isEqualTo("2026-03-12");
    assertThat(deadline(id, 0).getString("state")).isEqualTo("IN_TERM");
    TestClock.today(LocalDate.of(2026, 3, 10));
    assertThat(deadline(id, 0).getString("state")).isEqualTo("DUE_SOON");
    TestClock.today(LocalDate.of(2026, 3, 13));
    assertThat(deadline(id, 0).getString("state")).isEqualTo("OVERDUE");
    assertThat(
            as("reception")
                .queryParam("overdue", true)
                .queryParam("limit", 500)
                .get(CASES)
                .asString())
        .contains(id);

    // accepted late; 45 days (complex) from 11/3 end on Saturday 25/4, Monday 27/4 is a holiday
    Response accepted = transition(id, 0, "ACCEPT", "2026-03-13", null);
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
    assertThat(deadline(id, 0).getString("state")).isEqualTo("MET_LATE");
    assertThat(deadline(id, 1).getInt("days")).isEqualTo(45);
    assertThat(deadline(id, 1).getString("dueDate")).isEqualTo("2026-04-28");
    assertProblem(
        transition(id, 1, "EXTEND", "2026-04-01", "01/QĐ-UBND"), 409, "EXTENSION_NOT_ALLOWED");
    assertProblem(transition(id, 1, "RESOLVE", "2026-04-20", null), 400, "VALIDATION_FAILED");
    assertProblem(transition(id, 1, "ACCEPT", "2026-04-20", null), 409, "ILLEGAL_TRANSITION");
    assertProblem(
        transition(id, 0, "RESOLVE", "2026-04-20", "25/QĐ-UBND"), 412, "PRECONDITION_FAILED");
    Response resolved = transition(id, 1, "RESOLVE", "2026-04-20", "25/QĐ-UBND");
    assertThat(resolved.jsonPath().getString("status")).isEqualTo("RESOLVED");
    assertThat(deadline(id, 1).getString("state")).isEqualTo("MET");
    assertThat(transition(id, 2, "CLOSE", "2026-04-25", null).jsonPath().getString("status"))
        .isEqualTo("CLOSED");
    assertThat(transition(id, 3, "REOPEN", "2026-05-02", null).jsonPath().getString("status"))
        .isEqualTo("ACCEPTED");

    // second instance, remote and complex: 70 days
    Map<String, Object> second = caseBody("COMPLAINT", "2026-03-02");
    second.put("instance", "SECOND");
    second.put("remoteArea", true);
    second.put("complex", true);
    String sid = createCase(second).jsonPath().getString("id");
    transition(sid, 0, "ACCEPT", "2026-06-01", null);
    assertThat(deadline(sid, 1).getInt("days")).isEqualTo(70);
    assertThat(deadline(sid, 1).getString("rule")).isEqualTo("complaint-second-remote-complex");
  }

  @Test
  void denunciationWorkingDaysAndExtensionsByDecision() {
    TestClock.today(LocalDate.of(2026, 4, 24));
    Map<String, Object> b = caseBody("DENUNCIATION", "2026-04-24");
    b.put("veryComplex", true);
    String id = createCase(b).jsonPath().getString("id");
    // 7 working days over 27/4, 30/4, 1/5 and a weekend
    assertThat(deadline(id, 0).getString("dueDate")).isEqualTo("2026-05-08");
    assertThat(deadline(id, 0).getBoolean("workingDays")).isTrue();
    transition(id, 0, "ACCEPT", "2026-05-04", null);
    assertThat(deadline(id, 1).getString("dueDate")).isEqualTo("2026-06-03");
    assertProblem(transition(id, 1, "EXTEND", "2026-06-01", null), 400, "VALIDATION_FAILED");
    Response ext = transition(id, 1, "EXTEND", "2026-06-01", "07/QĐ-TTr");
    assertThat(ext.statusCode()).as(ext.asString()).isEqualTo(200);
    assertThat(deadline(id, 1).getString("dueDate")).isEqualTo("2026-07-03");
    transition(id, 2, "EXTEND", "2026-07-01", "09/QĐ-TTr");
    // 4/5 + 90 = 2/8, a Sunday
    assertThat(deadline(id, 1).getString("dueDate")).isEqualTo("2026-08-03");
    assertThat(deadline(id, 1).getInt("days")).isEqualTo(90);
    assertProblem(
        transition(id, 3, "EXTEND", "2026-07-30", "11/QĐ-TTr"), 409, "EXTENSION_NOT_ALLOWED");
    assertThat(as("reception").get(CASES + "/" + id).jsonPath().getList("extensions")).hasSize(2);

    Map<String, Object> plain = caseBody("DENUNCIATION", "2026-04-24");
    String pid = createCase(plain).jsonPath().getString("id");
    transition(pid, 0, "ACCEPT", "2026-05-04", null);
    assertProblem(
        transition(pid, 1, "EXTEND", "2026-06-01", "07/QĐ-TTr"), 409, "EXTENSION_NOT_ALLOWED");
    // scope and roles
    assertProblem(as("viewer").get(CASES + "/" + pid), 404, "NOT_FOUND");
    assertProblem(json("viewer").body(plain).post(CASES), 403, "FORBIDDEN");
    Map<String, Object> elsewhere = new LinkedHashMap<>(plain);
    elsewhere.put("orgUnitId", HA_NOI);
    Response outside = json("reception").body(elsewhere).post(CASES);
    assertProblem(outside, 422, "UNKNOWN_UNIT");
    assertThat(outside.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");
  }

  @Test
  void duplicatesBySamePersonAndSimilarContent() {
    String name = uniqueName("Đinh");
    String cccd = uniqueCccd();
    String token = UUID.randomUUID().toString().substring(0, 8);
    String caseId = createCase(caseBody("COMPLAINT", "2026-03-02")).jsonPath().getString("id");
    Map<String, Object> first = visit("COMPLAINT", List.of(visitor(name, cccd, false)));
    first.put(
        "summary",
        "Khiếu nại việc bồi thường khi thu hồi đất nông nghiệp ở khu phố Quang Trung " + token);
    first.put("caseId", caseId);
    String v1 = createOk("reception", first);
    assertThat(as("reception").get(CASES + "/" + caseId + "/visits").asString()).contains(v1);

    // the same person, a different matter in words, the ID written with spaces
    Map<String, Object> again =
        visit(
            "COMPLAINT",
            List.of(
                visitor(
                    uniqueName("Đinh"), cccd.substring(0, 6) + " " + cccd.substring(6), false)));
    again.put("summary", "Hỏi về tiến độ cấp giấy phép xây dựng " + UUID.randomUUID());
    String v2 = createOk("reception", again);
    Response d2 = as("reception").queryParam("visitId", v2).get(CASES + "/duplicate-candidates");
    assertThat(d2.statusCode()).as(d2.asString()).isEqualTo(200);
    assertThat(d2.jsonPath().getList("items.caseId")).contains(caseId);
    assertThat(d2.jsonPath().getString("items.find { it.caseId == '" + caseId + "' }.reasons"))
        .contains("SAME_PERSON");

    // someone else, the same matter written without accents
    Map<String, Object> similar =
        visit("COMPLAINT", List.of(visitor(uniqueName("Lâm"), uniqueCccd(), false)));
    similar.put(
        "summary",
        "khieu nai viec boi thuong khi thu hoi dat nong nghiep o khu pho Quang Trung " + token);
    String v3 = createOk("reception", similar);
    Response d3 = as("hcm-manager").queryParam("visitId", v3).get(CASES + "/duplicate-candidates");
    assertThat(d3.jsonPath().getString("items.find { it.caseId == '" + caseId + "' }.reasons"))
        .contains("SIMILAR_CONTENT")
        .doesNotContain("SAME_PERSON");

    // a denouncer is never linked to a name for anyone but the handler
    Map<String, Object> den = visit("DENUNCIATION", List.of(visitor(name, cccd, false)));
    den.put("summary", "Tố cáo hành vi nhận hối lộ " + UUID.randomUUID());
    String v4 = createOk("reception", den);
    assertThat(
            as("reception")
                .queryParam("visitId", v4)
                .get(CASES + "/duplicate-candidates")
                .jsonPath()
                .getList("items.caseId"))
        .doesNotContain(caseId);
    assertThat(
            as("denunciation")
                .queryParam("visitId", v4)
                .get(CASES + "/duplicate-candidates")
                .jsonPath()
                .getList("items.caseId"))
        .contains(caseId);
    assertProblem(
        as("viewer").queryParam("visitId", v2).get(CASES + "/duplicate-candidates"),
        403,
        "FORBIDDEN");
    assertProblem(as("reception").get(CASES + "/duplicate-candidates"), 400, "VALIDATION_FAILED");
  }

  @Test
  void retentionErasesPersonalDataOfClosedCasesAndKeepsStatistics() {
    TestClock.today(LocalDate.of(2026, 1, 5));
    String name = uniqueName("Cao");
    String cccd = uniqueCccd();
    String caseId = createCase(caseBody("COMPLAINT", "2026-01-05")).jsonPath().getString("id");
    Map<String, Object> v = visit("COMPLAINT", List.of(visitor(name, cccd, false)));
    v.put("receivedAt", "2026-01-05T09:00:00+07:00");
    v.put("caseId", caseId);
    String visitId = createOk("reception", v);
    Map<String, Object> d =
        visit("DENUNCIATION", List.of(visitor(uniqueName("Cao"), uniqueCccd(), false)));
    String denCase = createCase(caseBody("DENUNCIATION", "2026-01-05")).jsonPath().getString("id");
    d.put("receivedAt", "2026-01-05T10:00:00+07:00");
    d.put("caseId", denCase);
    String denVisit = createOk("reception", d);
    Map<String, Object> lone =
        visit("FEEDBACK", List.of(visitor(uniqueName("Cao"), uniqueCccd(), false)));
    lone.put("receivedAt", "2026-01-05T11:00:00+07:00");
    String loneVisit = createOk("reception", lone);
    transition(caseId, 0, "CLOSE", "2026-01-10", null);
    transition(denCase, 0, "CLOSE", "2026-01-10", null);
    String stats =
        "/api/v1/reception/statistics?orgUnitId="
            + AN_HOI_TAY
            + "&from=2026-01-05&to=2026-01-05&groupBy=CONTENT_KIND";
    String before = as("admin").get(stats).jsonPath().getString("total");

    TestClock.today(LocalDate.of(2030, 1, 9));
    retention.eraseExpired();
    assertThat(as("reception").get(VISITS + "/" + visitId).jsonPath().getList("visitors"))
        .hasSize(1);

    TestClock.today(LocalDate.of(2031, 1, 11));
    assertThat(retention.eraseExpired()).isGreaterThanOrEqualTo(2);
    Response after = as("reception").get(VISITS + "/" + visitId);
    assertThat(after.jsonPath().getBoolean("personalDataErased")).isTrue();
    assertThat(after.jsonPath().getList("visitors")).isEmpty();
    // a visit that never became a case: the same period after the visit
    assertThat(
            as("reception")
                .get(VISITS + "/" + loneVisit)
                .jsonPath()
                .getBoolean("personalDataErased"))
        .isTrue();
    assertThat(
            as("denunciation")
                .queryParam("reason", "Kiểm tra sau lưu trữ")
                .get(VISITS + "/" + denVisit + "/protected-identity")
                .jsonPath()
                .getList("visitors"))
        .isEmpty();
    assertThat(as("admin").get(stats).jsonPath().getString("total")).isEqualTo(before);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Object[] row =
                  (Object[])
                      em.createNativeQuery(
                              "select visitor_data, (select count(*) from reception_identity_hash where visit_id = v.id) from reception_visit v where id = :id")
                          .setParameter("id", UUID.fromString(visitId))
                          .getSingleResult();
              assertThat(row[0]).isNull();
              assertThat(((Number) row[1]).longValue()).isZero();
              assertThat(
                      ((Number)
                              em.createNativeQuery(
                                      "select count(*) from reception_protected_identity where visit_id = :id")
                                  .setParameter("id", UUID.fromString(denVisit))
                                  .getSingleResult())
                          .longValue())
                  .isZero();
            });
    assertThat(
            as("admin")
                .queryParam("entityId", caseId)
                .get("/api/v1/audit-events")
                .jsonPath()
                .getList("items.action"))
        .contains("PERSONAL_DATA_ERASED");
  }
}
