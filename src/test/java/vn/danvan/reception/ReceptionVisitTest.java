package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reception book: group rules, outcomes, idempotent creation, masking per account, scope. */
@QuarkusTest
class ReceptionVisitTest {

  @Test
  void groupRepresentativeRules() {
    String n = uniqueName("Lê");
    // 5–10 people: 1–2 representatives
    Map<String, Object> ok =
        visit(
            "PETITION",
            List.of(visitor(n, uniqueCccd(), true), visitor(uniqueName("Võ"), uniqueCccd(), true)));
    ok.put("groupSize", 8);
    Response created = create("reception", ok);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.jsonPath().getBoolean("group")).isTrue();
    assertThat(created.jsonPath().getInt("representatives")).isEqualTo(2);

    Map<String, Object> three =
        visit(
            "PETITION",
            List.of(
                visitor(uniqueName("Lê"), uniqueCccd(), true),
                visitor(uniqueName("Lê"), uniqueCccd(), true),
                visitor(uniqueName("Lê"), uniqueCccd(), true)));
    three.put("groupSize", 10);
    assertGroupRefused(three);

    Map<String, Object> none =
        visit("PETITION", List.of(visitor(uniqueName("Lê"), uniqueCccd(), false)));
    none.put("groupSize", 6);
    assertGroupRefused(none);

    // more than 10: at most 5
    List<Map<String, Object>> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(visitor(uniqueName("Đỗ"), uniqueCccd(), true));
    }
    Map<String, Object> big = visit("COMPLAINT", five);
    big.put("groupSize", 40);
    assertThat(create("reception", big).statusCode()).isEqualTo(201);
    List<Map<String, Object>> six = new ArrayList<>(five);
    six.add(visitor(uniqueName("Đỗ"), uniqueCccd(), true));
    Map<String, Object> tooMany = visit("COMPLAINT", six);
    tooMany.put("groupSize", 40);
    assertGroupRefused(tooMany);

    // fewer than 5: no more people recorded than came
    Map<String, Object> small =
        visit(
            "FEEDBACK",
            List.of(
                visitor(uniqueName("Lý"), uniqueCccd(), false),
                visitor(uniqueName("Lý"), uniqueCccd(), false)));
    small.put("groupSize", 1);
    Response r = create("reception", small);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getString("errors[0].pointer")).isEqualTo("/visitors");
  }

  private static void assertGroupRefused(Map<String, Object> body) {
    Response r = create("reception", body);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer")).contains("/visitors");
  }

  @Test
  void outcomesNeedTheirDetails() {
    Map<String, Object> transferred =
        visit("PETITION", List.of(visitor(uniqueName("Hồ"), uniqueCccd(), false)));
    transferred.put("outcome", "TRANSFERRED");
    Response r = create("reception", transferred);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getString("errors[0].pointer")).isEqualTo("/transferTarget");
    transferred.put("transferTarget", "Phòng Tài nguyên và Môi trường");
    String id = createOk("reception", transferred);
    Response got = as("reception").get(VISITS + "/" + id);
    assertThat(got.jsonPath().getString("outcome")).isEqualTo("TRANSFERRED");
    assertThat(got.jsonPath().getString("transferTarget"))
        .isEqualTo("Phòng Tài nguyên và Môi trường");

    Map<String, Object> refused =
        visit("COMPLAINT", List.of(visitor(uniqueName("Hồ"), uniqueCccd(), false)));
    refused.put("outcome", "REFUSED");
    assertProblem(create("reception", refused), 400, "VALIDATION_FAILED");
    refused.put("refusalReason", "Vụ việc đã được giải quyết đúng chính sách, pháp luật");
    refused.put("transferTarget", "ignored");
    String rid = createOk("reception", refused);
    Response rg = as("reception").get(VISITS + "/" + rid);
    assertThat(rg.jsonPath().getString("refusalReason")).startsWith("Vụ việc đã");
    assertThat(rg.jsonPath().getString("transferTarget")).isNull();

    for (String outcome :
        List.of("RETURNED_WITH_GUIDANCE", "ANSWERED_DIRECTLY", "ACCEPTED_FOR_RESOLUTION")) {
      Map<String, Object> b =
          visit("FEEDBACK", List.of(visitor(uniqueName("Hồ"), uniqueCccd(), false)));
      b.put("outcome", outcome);
      assertThat(create("reception", b).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void idempotentCreation() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body =
        visit("PETITION", List.of(visitor(uniqueName("Tạ"), uniqueCccd(), false)));
    Response first = json("reception").header("Idempotency-Key", key).body(body).post(VISITS);
    Response again = json("reception").header("Idempotency-Key", key).body(body).post(VISITS);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    body.put("summary", "Nội dung khác hẳn");
    assertProblem(
        json("reception").header("Idempotency-Key", key).body(body).post(VISITS),
        422,
        "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void maskingPerDemoAccount() {
    String name = uniqueName("Nguyễn");
    String cccd = uniqueCccd();
    String id = createOk("reception", visit("COMPLAINT", List.of(visitor(name, cccd, false))));
    // writes never echo personal data: the creation answer is masked
    for (String full : List.of("reception", "denunciation")) {
      Response r = as(full).get(VISITS + "/" + id);
      assertThat(r.statusCode()).as(full).isEqualTo(200);
      assertThat(r.jsonPath().getString("visitors[0].fullName")).as(full).isEqualTo(name);
      assertThat(r.jsonPath().getString("visitors[0].idNumber")).as(full).isEqualTo(cccd);
      assertThat(r.jsonPath().getBoolean("visitorsMasked")).isFalse();
    }
    String[] parts = name.split(" ");
    String masked = parts[0] + " T*** " + parts[2].charAt(0) + "*** " + parts[3].charAt(0) + "**";
    for (String other : List.of("ward-officer", "hcm-manager", "auditor", "integration", "admin")) {
      Response r = as(other).get(VISITS + "/" + id);
      assertThat(r.statusCode()).as(other).isEqualTo(200);
      assertThat(r.jsonPath().getString("visitors[0].fullName")).as(other).isEqualTo(masked);
      assertThat(r.jsonPath().getString("visitors[0].idNumber"))
          .as(other)
          .isEqualTo(cccd.substring(0, 4) + "********");
      assertThat(r.jsonPath().getString("visitors[0].phone")).as(other).isEqualTo("0901******");
      assertThat(r.asString()).as(other).doesNotContain(parts[3]).doesNotContain(cccd);
    }
    Response viewer = as("viewer").get(VISITS + "/" + id);
    assertProblem(viewer, 404, "NOT_FOUND");
    assertThat(as("viewer").queryParam("limit", 500).get(VISITS).asString()).doesNotContain(id);
  }

  @Test
  void roleAndScope() {
    Map<String, Object> body =
        visit("PETITION", List.of(visitor(uniqueName("Phan"), uniqueCccd(), false)));
    assertProblem(create("viewer", body), 403, "FORBIDDEN");
    assertProblem(create("ward-officer", body), 403, "FORBIDDEN");
    assertProblem(create("auditor", body), 403, "FORBIDDEN");
    assertThat(json("reception").body(body).post(VISITS).statusCode()).isEqualTo(201);
    // a unit outside the caller's scope is unknown
    Map<String, Object> hn = new java.util.LinkedHashMap<>(body);
    hn.put("orgUnitId", HA_NOI);
    Response r = create("reception", hn);
    assertProblem(r, 422, "UNKNOWN_UNIT");
    assertThat(r.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");
    // as is a unit that does not exist
    hn.put("orgUnitId", UUID.randomUUID().toString());
    Response unknown = create("reception", hn);
    assertProblem(unknown, 422, "UNKNOWN_UNIT");
    assertThat(unknown.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");
    assertThat(as("anybody").get(VISITS).statusCode()).isEqualTo(401);
  }

  @Test
  void listFiltersAndPages() {
    String marker = "Phản ánh đèn chiếu sáng hẻm " + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> b =
          visit("FEEDBACK", List.of(visitor(uniqueName("Kiều"), uniqueCccd(), false)));
      b.put("summary", marker);
      b.put("receivedAt", "2026-02-0" + (i + 2) + "T09:00:00+07:00");
      createOk("reception", b);
    }
    Response page1 =
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("orgUnitMode", "DESCENDANTS")
            .queryParam("from", "2026-02-02")
            .queryParam("to", "2026-02-04")
            .queryParam("contentKind", "FEEDBACK")
            .queryParam("limit", 1)
            .get(VISITS);
    assertThat(page1.statusCode()).as(page1.asString()).isEqualTo(200);
    assertThat(page1.jsonPath().getList("items")).hasSize(1);
    String next = page1.jsonPath().getString("next");
    assertThat(next).isNotNull();
    Response page2 =
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("orgUnitMode", "DESCENDANTS")
            .queryParam("from", "2026-02-02")
            .queryParam("to", "2026-02-04")
            .queryParam("contentKind", "FEEDBACK")
            .queryParam("limit", 1)
            .queryParam("cursor", next)
            .get(VISITS);
    assertThat(page2.statusCode()).as(page2.asString()).isEqualTo(200);
    // the cursor is bound to the filters it was made with
    Response replayed =
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("orgUnitMode", "DESCENDANTS")
            .queryParam("from", "2026-02-02")
            .queryParam("to", "2026-02-04")
            .queryParam("contentKind", "PETITION")
            .queryParam("limit", 1)
            .queryParam("cursor", next)
            .get(VISITS);
    assertProblem(replayed, 400, "INVALID_CURSOR");
  }

  @Test
  void badInputIsProblemJsonWithoutValues() {
    String name = uniqueName("Bùi");
    Map<String, Object> bad = visit("COMPLAINT", List.of(visitor(name, "12345", false)));
    Response r = create("reception", bad);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getString("errors[0].pointer")).isEqualTo("/visitors/0/idNumber");
    assertThat(r.asString()).doesNotContain(name).doesNotContain("12345");

    // a CCCD must start with a province code
    bad = visit("COMPLAINT", List.of(visitor(name, "999123456789", false)));
    assertProblem(create("reception", bad), 400, "VALIDATION_FAILED");
    // CMND: 9 digits
    Map<String, Object> cmnd = visitor(name, "025123456", false);
    cmnd.put("idType", "CMND");
    assertThat(create("reception", visit("COMPLAINT", List.of(cmnd))).statusCode()).isEqualTo(201);
    cmnd.put("idNumber", "0251234567");
    assertProblem(create("reception", visit("COMPLAINT", List.of(cmnd))), 400, "VALIDATION_FAILED");

    Map<String, Object> kind = visit("GOSSIP", List.of(visitor(name, uniqueCccd(), false)));
    Response k = create("reception", kind);
    assertThat(k.statusCode()).isEqualTo(400);
    assertThat(k.contentType()).startsWith("application/problem+json");
    assertThat(k.asString()).doesNotContain(name);

    Map<String, Object> idType = visitor(name, uniqueCccd(), false);
    idType.put("idType", name);
    Response t = create("reception", visit("COMPLAINT", List.of(idType)));
    assertThat(t.statusCode()).isEqualTo(400);
    assertThat(t.asString()).doesNotContain(name).doesNotContain("Ẩn");

    Map<String, Object> noVisitors = visit("COMPLAINT", List.of());
    assertProblem(create("reception", noVisitors), 400, "VALIDATION_FAILED");
    Map<String, Object> anonComplaint = visit("COMPLAINT", List.of());
    anonComplaint.put("anonymous", true);
    assertProblem(create("reception", anonComplaint), 400, "VALIDATION_FAILED");
    assertProblem(as("reception").get(VISITS + "/not-a-uuid"), 400, "INVALID_PARAMETER");
  }

  @Test
  void sessionsCrud() {
    Map<String, Object> s = new java.util.LinkedHashMap<>();
    s.put("orgUnitId", AN_HOI_TAY);
    s.put("kind", "PERIODIC_HEAD");
    s.put("sessionDate", "2026-03-05");
    s.put("venue", "Trụ sở tiếp công dân phường");
    s.put("hostName", "Trần Văn Chủ Tịch");
    s.put("hostRole", "HEAD");
    s.put("officials", List.of("Lê Thị Địa Chính - công chức địa chính"));
    Response created =
        json("reception")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(s)
            .post(SESSIONS);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    s.put("venue", "Hội trường UBND phường");
    assertProblem(json("reception").body(s).put(SESSIONS + "/" + id), 428, "PRECONDITION_REQUIRED");
    Response put = json("reception").header("If-Match", "\"0\"").body(s).put(SESSIONS + "/" + id);
    assertThat(put.statusCode()).as(put.asString()).isEqualTo(200);
    assertThat(put.jsonPath().getString("venue")).isEqualTo("Hội trường UBND phường");
    // the same PUT again (a retry after a lost answer): unchanged, whatever its If-Match
    Response retry = json("reception").header("If-Match", "\"0\"").body(s).put(SESSIONS + "/" + id);
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo("\"1\"");
    s.put("note", "Tiếp định kỳ");
    assertProblem(
        json("reception").header("If-Match", "\"0\"").body(s).put(SESSIONS + "/" + id),
        412,
        "PRECONDITION_FAILED");
    assertProblem(as("viewer").get(SESSIONS + "/" + id), 404, "NOT_FOUND");
    assertThat(as("hcm-manager").queryParam("orgUnitId", AN_HOI_TAY).get(SESSIONS).asString())
        .contains(id);
    Map<String, Object> elsewhere = new java.util.LinkedHashMap<>(s);
    elsewhere.put("orgUnitId", HA_NOI);
    Response outside = json("reception").body(elsewhere).post(SESSIONS);
    assertProblem(outside, 422, "UNKNOWN_UNIT");
    assertThat(outside.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");

    // a visit may name a session of its own unit only
    Map<String, Object> v =
        visit("PETITION", List.of(visitor(uniqueName("Mai"), uniqueCccd(), false)));
    v.put("sessionId", id);
    assertThat(create("reception", v).statusCode()).isEqualTo(201);
    v.put("sessionId", UUID.randomUUID().toString());
    assertProblem(create("reception", v), 400, "VALIDATION_FAILED");
  }
}
