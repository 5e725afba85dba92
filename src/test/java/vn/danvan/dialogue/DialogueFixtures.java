package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.time.BusinessTime;

/** Bodies and calls of the dialogue tests. */
final class DialogueFixtures {

  static final String BASE = "/api/v1/dialogues";
  static final String AN_HOI_TAY = UnitIds.newCommune("26882").toString();
  static final String AN_NHON = UnitIds.newCommune("26876").toString();
  static final String HANH_THONG = UnitIds.newCommune("26890").toString();
  static final String O_CHO_DUA_HN = UnitIds.newCommune("00190").toString();
  static final String HCM = UnitIds.province("79").toString();
  static final String HA_NOI = UnitIds.province("01").toString();

  /** KH 246/KH-UBND of TP HCM: issued, not secret (readable in HCM). */
  static final String KH_246_HCM = "00000000-0000-4d0c-9022-079000000246";

  private DialogueFixtures() {}

  static LocalDate today() {
    return LocalDate.now(BusinessTime.ZONE);
  }

  static Map<String, Object> body(String unit, LocalDate planned, String topic) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", unit);
    b.put("topic", topic);
    b.put("kind", "YEARLY");
    b.put("plannedDate", planned.toString());
    b.put("taskIds", new ArrayList<>());
    return b;
  }

  static Response create(String user, Map<String, Object> body) {
    return json(user).body(body).post(BASE);
  }

  static String createdId(String user, Map<String, Object> body) {
    Response r = create(user, body);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  static Response transition(String user, String id, long version, Map<String, Object> body) {
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(body)
        .post(BASE + "/" + id + "/transitions");
  }

  static Map<String, Object> announce(LocalDate on) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", "ANNOUNCE");
    b.put("announcementDate", on.toString());
    b.put("announcementChannel", "NOTICE_BOARD");
    return b;
  }

  static Map<String, Object> hold(LocalDate on, List<Map<String, Object>> questions) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", "HOLD");
    b.put("heldDate", on.toString());
    b.put("chairName", "Trần Thị Bình");
    b.put("chairRole", "COMMITTEE_CHAIR");
    b.put("participantCount", 80);
    b.put("householdCount", 60);
    b.put("questions", questions);
    return b;
  }

  static Map<String, Object> question(String q, String answer) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("question", q);
    if (answer != null) {
      b.put("answer", answer);
      b.put("answeredByRole", "COMMITTEE_CHAIR");
    }
    return b;
  }

  static Map<String, Object> publish(LocalDate on, String document) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", "PUBLISH_RESULTS");
    b.put("resultsPublishedDate", on.toString());
    b.put("resultsDocumentId", document);
    return b;
  }

  static Map<String, Object> cancel(String reason) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", "CANCEL");
    b.put("reason", reason);
    return b;
  }

  /** Creates, announces, holds and (when {@code published} is given) publishes; the last ETag. */
  static long held(
      String user,
      String id,
      LocalDate announced,
      LocalDate heldOn,
      LocalDate published,
      String document) {
    expectOk(transition(user, id, 0, announce(announced)));
    expectOk(transition(user, id, 1, hold(heldOn, List.of(question("Hẻm ngập?", "Sẽ sửa.")))));
    if (published == null) {
      return 2;
    }
    expectOk(transition(user, id, 2, publish(published, document)));
    return 3;
  }

  static void expectOk(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
  }
}
