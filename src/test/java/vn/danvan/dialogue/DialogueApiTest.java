package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dialogue.DialogueFixtures.AN_HOI_TAY;
import static vn.danvan.dialogue.DialogueFixtures.AN_NHON;
import static vn.danvan.dialogue.DialogueFixtures.BASE;
import static vn.danvan.dialogue.DialogueFixtures.HANH_THONG;
import static vn.danvan.dialogue.DialogueFixtures.HA_NOI;
import static vn.danvan.dialogue.DialogueFixtures.HCM;
import static vn.danvan.dialogue.DialogueFixtures.KH_246_HCM;
import static vn.danvan.dialogue.DialogueFixtures.O_CHO_DUA_HN;
import static vn.danvan.dialogue.DialogueFixtures.announce;
import static vn.danvan.dialogue.DialogueFixtures.body;
import static vn.danvan.dialogue.DialogueFixtures.cancel;
import static vn.danvan.dialogue.DialogueFixtures.create;
import static vn.danvan.dialogue.DialogueFixtures.createdId;
import static vn.danvan.dialogue.DialogueFixtures.expectOk;
import static vn.danvan.dialogue.DialogueFixtures.hold;
import static vn.danvan.dialogue.DialogueFixtures.publish;
import static vn.danvan.dialogue.DialogueFixtures.question;
import static vn.danvan.dialogue.DialogueFixtures.today;
import static vn.danvan.dialogue.DialogueFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
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

/**
 * Grassroots dialogues over HTTP: the lifecycle and its rules, the deadlines and their states
 * (across a weekend and Tết), ETag and If-Match, Idempotency-Key, roles × scope with a unit, a task
 * and a document of another province in every field, bad input, audit and change feed, the list's
 * filters and the compliance view.
 */
@QuarkusTest
class DialogueApiTest {

  @Test
  void aDialogueIsPlannedAnnouncedHeldAndItsResultsPublished() {
    LocalDate held = today().minusDays(5);
    Response created = create("ward-officer", body(AN_HOI_TAY, held, "Đối thoại thử vòng đời"));
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.jsonPath().getString("status")).isEqualTo("PLANNED");
    assertThat(created.jsonPath().getString("deadlines[0].kind"))
        .isEqualTo("DIALOGUE_ANNOUNCEMENT");
    assertThat(created.jsonPath().getString("deadlines[0].dueDate"))
        .isEqualTo(held.minusDays(7).toString());
    assertThat(created.jsonPath().getString("deadlines[0].state")).isEqualTo("OVERDUE");

    Response announced = transition("ward-officer", id, 0, announce(held.minusDays(9)));
    expectOk(announced);
    assertThat(announced.header("ETag")).isEqualTo("\"1\"");
    assertThat(announced.jsonPath().getString("status")).isEqualTo("ANNOUNCED");
    assertThat(announced.jsonPath().getString("deadlines[0].state")).isEqualTo("DONE_ON_TIME");
    assertThat(announced.jsonPath().getString("deadlines[0].doneDate"))
        .isEqualTo(held.minusDays(9).toString());

    Response heldResponse =
        transition(
            "ward-officer",
            id,
            1,
            hold(
                held,
                List.of(
                    question("Đề nghị sửa hẻm 12?", "Quý III sẽ sửa."),
                    question("Đề nghị thêm đèn chiếu sáng?", null))));
    expectOk(heldResponse);
    JsonPath h = heldResponse.jsonPath();
    assertThat(h.getString("status")).isEqualTo("HELD");
    assertThat(h.getInt("questionCount")).isEqualTo(2);
    assertThat(h.getInt("answeredCount")).isEqualTo(1);
    assertThat(h.getString("chairRole")).isEqualTo("COMMITTEE_CHAIR");
    assertThat(h.getString("deadlines[1].kind")).isEqualTo("DIALOGUE_RESULTS");
    assertThat(h.getString("deadlines[1].state")).isEqualTo("IN_PROGRESS_IN_TERM");

    Response published = transition("ward-officer", id, 2, publish(today(), KH_246_HCM));
    expectOk(published);
    assertThat(published.jsonPath().getString("status")).isEqualTo("RESULTS_PUBLISHED");
    assertThat(published.jsonPath().getString("resultsDocumentId")).isEqualTo(KH_246_HCM);
    assertThat(published.jsonPath().getString("deadlines[1].state")).isEqualTo("DONE_ON_TIME");

    Response got = json("hcm-manager").get(BASE + "/" + id);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.header("ETag")).isEqualTo("\"3\"");
    assertThat(got.jsonPath().getList("questions")).hasSize(2);

    // nothing after the results; a held dialogue is not cancelled
    assertProblem(transition("ward-officer", id, 3, cancel("muộn")), 409, "ILLEGAL_TRANSITION");
    assertProblem(transition("ward-officer", id, 3, announce(today())), 409, "ILLEGAL_TRANSITION");
  }

  @Test
  void cancellingFromPlannedOrAnnouncedOnlyAndCancelledDialoguesAreNotEdited() {
    String id = createdId("hcm-manager", body(AN_NHON, today().plusDays(30), "Đối thoại sẽ hủy"));
    assertProblem(
        transition("hcm-manager", id, 0, hold(today(), List.of())), 409, "ILLEGAL_TRANSITION");
    Response cancelled = transition("hcm-manager", id, 0, cancel("Thiên tai"));
    expectOk(cancelled);
    assertThat(cancelled.jsonPath().getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.jsonPath().getString("cancelReason")).isEqualTo("Thiên tai");
    assertThat(cancelled.jsonPath().getList("deadlines")).isEmpty();
    assertProblem(
        json("hcm-manager")
            .header("If-Match", "\"1\"")
            .body(body(AN_NHON, today().plusDays(31), "Sửa"))
            .put(BASE + "/" + id),
        409,
        "ILLEGAL_TRANSITION");
  }

  @Test
  void ifMatchIsRequiredAndChecked() {
    String id = createdId("hcm-manager", body(AN_NHON, today().plusDays(20), "Đối thoại ETag"));
    assertProblem(
        json("hcm-manager").body(body(AN_NHON, today().plusDays(21), "x")).put(BASE + "/" + id),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(
        json("hcm-manager")
            .header("If-Match", "\"5\"")
            .body(body(AN_NHON, today().plusDays(21), "x"))
            .put(BASE + "/" + id),
        412,
        "PRECONDITION_FAILED");
    Response put =
        json("hcm-manager")
            .header("If-Match", "\"0\"")
            .body(body(AN_NHON, today().plusDays(21), "Đối thoại ETag (sửa)"))
            .put(BASE + "/" + id);
    expectOk(put);
    assertThat(put.header("ETag")).isEqualTo("\"1\"");
    assertThat(put.jsonPath().getString("deadlines[0].dueDate"))
        .isEqualTo(today().plusDays(14).toString());
    assertProblem(
        json("hcm-manager").body(announce(today())).post(BASE + "/" + id + "/transitions"),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(transition("hcm-manager", id, 0, announce(today())), 412, "PRECONDITION_FAILED");
    // announced: the unit no longer changes, the date still does
    expectOk(transition("hcm-manager", id, 1, announce(today())));
    assertProblem(
        json("hcm-manager")
            .header("If-Match", "\"2\"")
            .body(body(HANH_THONG, today().plusDays(21), "x"))
            .put(BASE + "/" + id),
        409,
        "ILLEGAL_TRANSITION");
    expectOk(
        json("hcm-manager")
            .header("If-Match", "\"2\"")
            .body(body(AN_NHON, today().plusDays(22), "Dời ngày"))
            .put(BASE + "/" + id));
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswer() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> b = body(AN_HOI_TAY, today().plusDays(40), "Đối thoại idempotent");
    Response first = json("ward-officer").header("Idempotency-Key", key).body(b).post(BASE);
    Response again = json("ward-officer").header("Idempotency-Key", key).body(b).post(BASE);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    assertProblem(
        json("ward-officer")
            .header("Idempotency-Key", key)
            .body(body(AN_HOI_TAY, today().plusDays(41), "khác"))
            .post(BASE),
        422,
        "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void rolesAndScope() {
    String hcmDialogue =
        createdId("hcm-manager", body(AN_NHON, today().plusDays(10), "Đối thoại phạm vi"));
    String hnDialogue =
        createdId("admin", body(O_CHO_DUA_HN, today().plusDays(10), "Đối thoại Hà Nội"));
    // the viewer (Hà Nội) reads Hà Nội's, not HCM's, and writes nothing
    assertThat(json("viewer").get(BASE + "/" + hnDialogue).statusCode()).isEqualTo(200);
    assertProblem(json("viewer").get(BASE + "/" + hcmDialogue), 404, "NOT_FOUND");
    assertProblem(create("viewer", body(O_CHO_DUA_HN, today().plusDays(3), "x")), 403, "FORBIDDEN");
    assertProblem(transition("viewer", hnDialogue, 0, cancel("x")), 403, "FORBIDDEN");
    // the ward officer: only its ward
    assertProblem(json("ward-officer").get(BASE + "/" + hcmDialogue), 404, "NOT_FOUND");
    assertProblem(transition("ward-officer", hcmDialogue, 0, cancel("x")), 404, "NOT_FOUND");
    Response other = create("ward-officer", body(AN_NHON, today().plusDays(3), "x"));
    assertProblem(other, 422, "UNKNOWN_UNIT");
    assertThat(other.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");
    assertThat(
            json("ward-officer")
                .queryParam("orgUnitId", HCM)
                .queryParam("orgUnitMode", "DESCENDANTS")
                .get(BASE)
                .statusCode())
        .isEqualTo(422);
    JsonPath own = json("ward-officer").queryParam("limit", 500).get(BASE).jsonPath();
    assertThat(own.getList("items.orgUnitId", String.class)).containsOnly(AN_HOI_TAY);
    // the auditor reads in HCM
    assertThat(json("auditor").get(BASE + "/" + hcmDialogue).statusCode()).isEqualTo(200);
    assertProblem(create("auditor", body(AN_NHON, today(), "x")), 403, "FORBIDDEN");
  }

  @Test
  void anotherProvincesUnitTaskOrDocumentIsUnknownInEveryField() {
    String hnTask = task("admin", HA_NOI);
    String hcmTask = task("hcm-manager", HCM);
    String hnDraft = draftDirective(HA_NOI);
    // unit
    Response unit = create("hcm-manager", body(O_CHO_DUA_HN, today().plusDays(9), "x"));
    assertProblem(unit, 422, "UNKNOWN_UNIT");
    assertThat(unit.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");
    // tasks: the element's pointer
    Map<String, Object> withTasks = body(AN_NHON, today().plusDays(9), "Đối thoại có nhiệm vụ");
    withTasks.put("taskIds", List.of(hcmTask, hnTask));
    Response task = create("hcm-manager", withTasks);
    assertProblem(task, 422, "UNKNOWN_TASK");
    assertThat(task.jsonPath().getString("errors[0].pointer")).isEqualTo("/taskIds/1");
    withTasks.put("taskIds", List.of(hcmTask));
    Response ok = create("hcm-manager", withTasks);
    assertThat(ok.statusCode()).as(ok.asString()).isEqualTo(201);
    assertThat(ok.jsonPath().getList("taskIds")).containsExactly(hcmTask);
    String id = ok.jsonPath().getString("id");
    // PUT with the other province's unit or task
    Map<String, Object> put = body(O_CHO_DUA_HN, today().plusDays(9), "x");
    assertProblem(
        json("hcm-manager").header("If-Match", "\"0\"").body(put).put(BASE + "/" + id),
        422,
        "UNKNOWN_UNIT");
    Map<String, Object> putTask = body(AN_NHON, today().plusDays(9), "x");
    putTask.put("taskIds", List.of(hnTask));
    Response putTaskResponse =
        json("hcm-manager").header("If-Match", "\"0\"").body(putTask).put(BASE + "/" + id);
    assertProblem(putTaskResponse, 422, "UNKNOWN_TASK");
    assertThat(putTaskResponse.jsonPath().getString("errors[0].pointer")).isEqualTo("/taskIds/0");
    // the results document
    String held =
        createdId("hcm-manager", body(AN_NHON, today().minusDays(2), "Đối thoại văn bản"));
    expectOk(transition("hcm-manager", held, 0, announce(today().minusDays(10))));
    expectOk(transition("hcm-manager", held, 1, hold(today().minusDays(2), List.of())));
    Response doc = transition("hcm-manager", held, 2, publish(today(), hnDraft));
    assertProblem(doc, 422, "UNKNOWN_DIRECTIVE");
    assertThat(doc.jsonPath().getString("errors[0].pointer")).isEqualTo("/resultsDocumentId");
    // the filters
    for (String path : List.of(BASE, BASE + "/compliance")) {
      assertThat(
              json("hcm-manager")
                  .queryParam("orgUnitId", O_CHO_DUA_HN)
                  .get(path)
                  .then()
                  .extract()
                  .statusCode())
          .as(path)
          .isEqualTo(422);
    }
  }

  @Test
  void badInputIsAProblemWithAPointer() {
    Map<String, Object> nul = body(AN_HOI_TAY, today(), "Chủ đề \u0000");
    assertThat(create("ward-officer", nul).statusCode()).isEqualTo(400);
    Map<String, Object> kind = body(AN_HOI_TAY, today(), "x");
    kind.put("kind", "SOMETIMES");
    assertProblem(create("ward-officer", kind), 400, "VALIDATION_FAILED");
    Map<String, Object> longTopic = body(AN_HOI_TAY, today(), "x".repeat(501));
    Response tooLong = create("ward-officer", longTopic);
    assertProblem(tooLong, 400, "VALIDATION_FAILED");
    assertThat(tooLong.jsonPath().getString("errors[0].pointer")).isEqualTo("/topic");
    Map<String, Object> manyTasks = body(AN_HOI_TAY, today(), "x");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    manyTasks.put("taskIds", ids);
    assertProblem(create("ward-officer", manyTasks), 400, "VALIDATION_FAILED");
    Map<String, Object> date = body(AN_HOI_TAY, today(), "x");
    date.put("plannedDate", "2026-02-30");
    assertProblem(create("ward-officer", date), 400, "VALIDATION_FAILED");
    date.put("plannedDate", "0001-01-01");
    assertProblem(create("ward-officer", date), 400, "VALIDATION_FAILED");
    Map<String, Object> missing = new LinkedHashMap<>();
    missing.put("topic", "x");
    assertProblem(create("ward-officer", missing), 400, "VALIDATION_FAILED");
    // a unit that is not commune-level
    Response province = create("hcm-manager", body(HCM, today(), "x"));
    assertProblem(province, 400, "VALIDATION_FAILED");
    assertThat(province.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");

    String id = createdId("ward-officer", body(AN_HOI_TAY, today(), "Đối thoại dữ liệu sai"));
    // facts not in the future, required fields, fields of another action
    Response future = transition("ward-officer", id, 0, announce(today().plusDays(1)));
    assertProblem(future, 400, "VALIDATION_FAILED");
    assertThat(future.jsonPath().getString("errors[0].pointer")).isEqualTo("/announcementDate");
    Map<String, Object> noChannel = announce(today());
    noChannel.remove("announcementChannel");
    noChannel.put("reason", "x");
    Response both = transition("ward-officer", id, 0, noChannel);
    assertProblem(both, 400, "VALIDATION_FAILED");
    assertThat(both.jsonPath().getList("errors.pointer"))
        .containsExactlyInAnyOrder("/reason", "/announcementChannel");
    Map<String, Object> channel = announce(today());
    channel.put("announcementChannel", "CARRIER_PIGEON");
    assertProblem(transition("ward-officer", id, 0, channel), 400, "VALIDATION_FAILED");
    expectOk(transition("ward-officer", id, 0, announce(today())));
    // held before the announcement
    Response early = transition("ward-officer", id, 1, hold(today().minusDays(1), List.of()));
    assertProblem(early, 400, "VALIDATION_FAILED");
    assertThat(early.jsonPath().getString("errors[0].pointer")).isEqualTo("/heldDate");
    // too many questions, a question too long, a negative count
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      many.add(question("Câu " + i, null));
    }
    assertProblem(transition("ward-officer", id, 1, hold(today(), many)), 400, "VALIDATION_FAILED");
    assertProblem(
        transition("ward-officer", id, 1, hold(today(), List.of(question("q".repeat(2001), null)))),
        400,
        "VALIDATION_FAILED");
    Map<String, Object> negative = hold(today(), List.of());
    negative.put("participantCount", -1);
    assertProblem(transition("ward-officer", id, 1, negative), 400, "VALIDATION_FAILED");
    // list filters
    assertProblem(
        json("ward-officer").queryParam("status", "DONE").get(BASE), 400, "INVALID_PARAMETER");
    assertProblem(
        json("ward-officer").queryParam("year", 99999).get(BASE), 400, "VALIDATION_FAILED");
    assertProblem(
        json("ward-officer").queryParam("orgUnitMode", "DESCENDANTS").get(BASE),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        json("ward-officer").queryParam("plannedFrom", "2026-13-01").get(BASE),
        400,
        "INVALID_PARAMETER");
  }

  @Test
  void deadlinesAcrossAWeekendAndTet() {
    // held Thu 05/02/2026: +10 days is Sun 15/02, then Tết (16–20/02) and a weekend: Mon 23/02
    LocalDate held = LocalDate.parse("2026-02-05");
    String id = createdId("admin", body(AN_HOI_TAY, held, "Đối thoại trước Tết"));
    JsonPath planned = json("admin").get(BASE + "/" + id).jsonPath();
    assertThat(planned.getString("deadlines[0].dueDate")).isEqualTo("2026-01-29");
    assertThat(planned.getString("deadlines[1].dueDate")).isEqualTo("2026-02-23");
    expectOk(transition("admin", id, 0, announce(LocalDate.parse("2026-01-30"))));
    Response heldResponse = transition("admin", id, 1, hold(held, List.of()));
    expectOk(heldResponse);
    assertThat(heldResponse.jsonPath().getString("deadlines[0].state")).isEqualTo("DONE_LATE");
    assertThat(heldResponse.jsonPath().getString("deadlines[1].dueDate")).isEqualTo("2026-02-23");
    Response published =
        transition("admin", id, 2, publish(LocalDate.parse("2026-02-23"), KH_246_HCM));
    expectOk(published);
    assertThat(published.jsonPath().getString("deadlines[1].state")).isEqualTo("DONE_ON_TIME");

    // planned on Mon 23/02/2026: the announcement is due 7 calendar days before, Mon 16/02, a
    // Tết holiday: not shifted (a later day would shorten the notice)
    String after = createdId("admin", body(AN_HOI_TAY, LocalDate.parse("2026-02-23"), "Sau Tết"));
    JsonPath a = json("admin").get(BASE + "/" + after).jsonPath();
    assertThat(a.getString("deadlines[0].dueDate")).isEqualTo("2026-02-16");
    // planned Thu 19/11/2026: results due + 10 = Sun 29/11, so Mon 30/11
    String weekend =
        createdId("admin", body(AN_HOI_TAY, LocalDate.parse("2026-11-19"), "Cuối tuần"));
    assertThat(json("admin").get(BASE + "/" + weekend).jsonPath().getString("deadlines[1].dueDate"))
        .isEqualTo("2026-11-30");
    // planned 25/01/2027: results due Thu 04/02/2027 (Tết 2027) → Thu 11/02/2027
    String tet2027 =
        createdId("admin", body(AN_HOI_TAY, LocalDate.parse("2027-01-25"), "Trước Tết 2027"));
    assertThat(json("admin").get(BASE + "/" + tet2027).jsonPath().getString("deadlines[1].dueDate"))
        .isEqualTo("2027-02-11");
    for (String d : List.of(after, weekend, tet2027)) {
      expectOk(transition("admin", d, 0, cancel("dọn dữ liệu thử")));
    }
  }

  @Test
  void aHolidayListedOnADueDateMovesItAndUnlistingMovesItBack() {
    // planned Mon 01/03/2032: results due Thu 11/03; listed as a holiday, Fri 12/03
    String id =
        createdId("admin", body(AN_HOI_TAY, LocalDate.parse("2032-03-01"), "Đối thoại 2032"));
    String calendar = "/api/v1/calendar/days/2032-03-11";
    Map<String, Object> day = new LinkedHashMap<>();
    day.put("kind", "HOLIDAY");
    day.put("name", "Ngày nghỉ thử nghiệm đối thoại");
    day.put("legalBasis", "Thử nghiệm");
    Response listed = json("admin").body(day).put(calendar);
    assertThat(listed.statusCode()).as(listed.asString()).isIn(200, 201);
    try {
      Response moved = json("admin").get(BASE + "/" + id);
      assertThat(moved.jsonPath().getString("deadlines[1].dueDate")).isEqualTo("2032-03-12");
      assertThat(moved.header("ETag")).isEqualTo("\"1\"");
      assertThat(
              json("auditor")
                  .queryParam("entityType", "DIALOGUE")
                  .queryParam("entityId", id)
                  .get("/api/v1/audit-events")
                  .jsonPath()
                  .getList("items.action"))
          .contains("DIALOGUE_DEADLINES_RECOMPUTED");
    } finally {
      json("admin").header("If-Match", listed.header("ETag")).delete(calendar);
    }
    assertThat(json("admin").get(BASE + "/" + id).jsonPath().getString("deadlines[1].dueDate"))
        .isEqualTo("2032-03-11");
  }

  @Test
  void everyStepIsAuditedAndInTheChangeFeed() {
    String id = createdId("hcm-manager", body(AN_NHON, today(), "Đối thoại kiểm toán"));
    expectOk(transition("hcm-manager", id, 0, announce(today())));
    expectOk(transition("hcm-manager", id, 1, cancel("Trùng lịch")));
    JsonPath events =
        json("auditor")
            .queryParam("entityType", "DIALOGUE")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action"))
        .containsExactly("DIALOGUE_CANCEL", "DIALOGUE_ANNOUNCE", "CREATE");
    assertThat(events.getString("items[0].after.status")).isEqualTo("CANCELLED");
    List<Map<String, Object>> entries = vn.danvan.testing.Api.feedEntries("DIALOGUE", id);
    assertThat(entries).extracting(e -> e.get("unitId")).containsOnly(AN_NHON);
    Response withRecord =
        json("admin")
            .queryParam("types", "DIALOGUE")
            .queryParam("include", "record")
            .queryParam("limit", 500)
            .get("/api/v1/changes");
    assertThat(withRecord.statusCode()).as(withRecord.asString()).isEqualTo(200);
    List<Map<String, Object>> mine =
        withRecord.jsonPath().<Map<String, Object>>getList("items").stream()
            .filter(e -> id.equals(e.get("entityId")))
            .toList();
    assertThat(mine).isNotEmpty();
    assertThat(mine)
        .extracting(e -> (Object) ((Map<?, ?>) e.get("record")).get("status"))
        .containsOnly("CANCELLED");
  }

  @Test
  void listFiltersAndTheirCursor() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          createdId(
              "hcm-manager",
              body(AN_NHON, LocalDate.parse("2031-03-0" + (i + 1)), "Đối thoại lọc " + tag)));
    }
    JsonPath first =
        json("auditor")
            .queryParam("q", "doi thoai loc " + tag)
            .queryParam("limit", 2)
            .get(BASE)
            .jsonPath();
    assertThat(first.getList("items.id")).containsExactly(ids.get(2), ids.get(1));
    JsonPath second =
        json("auditor")
            .queryParam("q", "doi thoai loc " + tag)
            .queryParam("limit", 2)
            .queryParam("cursor", first.getString("next"))
            .get(BASE)
            .jsonPath();
    assertThat(second.getList("items.id")).containsExactly(ids.get(0));
    assertProblem(
        json("auditor")
            .queryParam("q", "khác")
            .queryParam("cursor", first.getString("next"))
            .get(BASE),
        400,
        "INVALID_CURSOR");
    assertThat(
            json("auditor")
                .queryParam("q", tag)
                .queryParam("year", 2031)
                .queryParam("status", "PLANNED")
                .queryParam("plannedFrom", "2031-03-02")
                .queryParam("plannedTo", "2031-03-02")
                .queryParam("orgUnitId", HCM)
                .queryParam("orgUnitMode", "DESCENDANTS")
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .containsExactly(ids.get(1));
    assertThat(
            json("auditor")
                .queryParam("q", tag)
                .queryParam("orgUnitId", HCM)
                .get(BASE)
                .jsonPath()
                .getList("items"))
        .isEmpty();
  }

  @Test
  void complianceShowsUnitsWithoutADialogueAndLateSteps() {
    // on 31/12 the year's dialogue is still in term; on 05/01 of the next year it is overdue
    LocalDate asOf = LocalDate.parse("2031-01-05");
    // An Hội Tây in 2030: announced late (2 days before), held, results not published
    String late =
        createdId("admin", body(AN_HOI_TAY, LocalDate.parse("2030-06-10"), "Đối thoại 2030"));
    JsonPath c =
        json("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("year", 2030)
            .queryParam("asOf", asOf.toString())
            .get(BASE + "/compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(c.getInt("year")).isEqualTo(2030);
    Map<String, Object> anHoiTay = unit(c, AN_HOI_TAY);
    assertThat(anHoiTay.get("dialoguesHeld")).isEqualTo(0);
    assertThat(((Map<?, ?>) anHoiTay.get("yearly")).get("state")).isEqualTo("OVERDUE");
    assertThat(((Number) anHoiTay.get("lateAnnouncements")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) anHoiTay.get("lateResults")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(c.getLong("totals.unitsWithout")).isGreaterThanOrEqualTo(1);
    assertThat(c.getList("items.orgUnitId")).contains(HANH_THONG).doesNotContain(O_CHO_DUA_HN);
    assertThat(late).isNotNull();
  }

  @Test
  void theDemoDialoguesAreThere() {
    JsonPath demo =
        json("ward-officer").get(BASE + "/00000000-0000-4e1a-9031-000000000001").jsonPath();
    assertThat(demo.getString("status")).isEqualTo("RESULTS_PUBLISHED");
    assertThat(demo.getList("deadlines.state")).containsOnly("DONE_ON_TIME");
    JsonPath c =
        json("hcm-manager").queryParam("orgUnitId", HCM).get(BASE + "/compliance").jsonPath();
    assertThat(((Map<?, ?>) unit(c, HANH_THONG).get("yearly")).get("doneDate")).isNull();
    assertThat(unit(c, AN_HOI_TAY).get("firstHeldDate")).isNotNull();
  }

  private static Map<String, Object> unit(JsonPath compliance, String unitId) {
    List<Map<String, Object>> items = compliance.getList("items");
    return items.stream()
        .filter(i -> unitId.equals(i.get("orgUnitId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + unitId + " in " + compliance.prettify()));
  }

  private static String task(String user, String unit) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("title", "Theo dõi kết luận đối thoại " + UUID.randomUUID());
    b.put("leadUnitId", unit);
    b.put("assigningUnitId", unit);
    b.put("dueDate", today().plusDays(30).toString());
    b.put("priority", "NORMAL");
    b.put("description", "Theo dõi việc thực hiện kết luận hội nghị đối thoại.");
    b.put("expectedResult", "Báo cáo kết quả");
    b.put("responsiblePerson", "Chủ tịch UBND");
    Response r = json(user).body(b).post("/api/v1/tasks");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  private static String draftDirective(String unit) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("type", "KE_HOACH");
    b.put("symbol", "KH-UBND");
    b.put("issuingUnitId", unit);
    b.put("issueDate", today().toString());
    b.put("title", "Dự thảo kế hoạch " + UUID.randomUUID());
    b.put("urgency", "NORMAL");
    b.put("secrecy", "NONE");
    Response r = json("admin").body(b).post("/api/v1/directives");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(r.jsonPath().getString("status")).isEqualTo("DRAFT");
    return r.jsonPath().getString("id");
  }
}
