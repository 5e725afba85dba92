package vn.danvan.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.json;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.reception.ReceptionRetention;
import vn.danvan.shared.audit.AuditAction;
import vn.danvan.shared.audit.EntityType;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.task.TaskFixtures;
import vn.danvan.task.TaskService;
import vn.danvan.testing.TestClock;

/**
 * The feed census (DESIGN §8, §9): after a scripted mix of operations over HTTP — cascades,
 * delegation, restructuring transfers, recurrence, retention included — every version of every
 * record touched is in the change feed, and every feed entry has its audit event, written by the
 * same transaction.
 */
@QuarkusTest
class ChangeCensusTest {

  private static final String TASKS = "/api/v1/tasks";
  private static final String UNITS = "/api/v1/org-units";
  private static final String DIRECTIVES = "/api/v1/directives";
  private static final String AN_HOI_TAY = "00000000-0000-4000-8004-000000026882";
  private static final byte[] PDF =
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  @Inject DataSource dataSource;
  @Inject TaskService tasks;
  @Inject CurrentUser user;
  @Inject ReceptionRetention retention;

  final String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

  /** Reception records of the script, by entity type (they live in a demo ward). */
  final Map<String, List<String>> reception = new LinkedHashMap<>();

  /** Records the script deleted, by entity type. */
  final Map<String, List<String>> deleted = new LinkedHashMap<>();

  @AfterEach
  void time() {
    TestClock.reset();
  }

  // ------------------------------------------------------------------ the script

  private static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    if (code != null) {
      body.put("code", code);
    }
    return ok(json("admin").body(body).post(UNITS), 201).jsonPath().getString("id");
  }

  private static Response ok(Response r, int status) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    return r;
  }

  private static String createTask(Map<String, Object> body) {
    return ok(json("admin").body(body).post(TASKS), 201).jsonPath().getString("id");
  }

  private static long version(String path) {
    return ok(json("admin").get(path), 200).jsonPath().getLong("version");
  }

  private static Response transition(String id, String action, Map<String, Object> extra) {
    Map<String, Object> b = new HashMap<>(extra);
    b.put("action", action);
    return json("admin")
        .header("If-Match", "\"" + version(TASKS + "/" + id) + "\"")
        .body(b)
        .post(TASKS + "/" + id + "/transitions");
  }

  private void asSystem(Runnable job) {
    ManagedContext context = Arc.container().requestContext();
    context.activate();
    try {
      user.actAsSystem("system:census");
      job.run();
    } finally {
      context.terminate();
    }
  }

  /** Tasks, a directive, two restructurings, a recurrence run on a private tree. */
  private String[] scriptOnPrivateTree() {
    TestClock.today(LocalDate.parse("2030-01-10"));
    String province = unit("PROVINCE", "Tỉnh Kiểm Đếm " + tag, "X" + tag, UnitIds.ROOT.toString());
    String other = unit("PROVINCE", "Tỉnh Nhận " + tag, "Y" + tag, UnitIds.ROOT.toString());
    String district = unit("DISTRICT", "Huyện Kiểm Đếm " + tag, "H" + tag, province);
    String moving = unit("DISTRICT", "Huyện Chuyển " + tag, "G" + tag, province);
    String following = unit("COMMUNE", "Xã Theo " + tag, "T" + tag, moving);
    String c1 = unit("COMMUNE", "Xã An " + tag, "A" + tag, district);
    String c2 = unit("COMMUNE", "Xã Bình " + tag, "B" + tag, district);
    String c3 = unit("COMMUNE", "Xã Châu " + tag, "C" + tag, district);
    String renamed = unit("DEPARTMENT", "Phòng Nội vụ " + tag, null, district);
    ok(
        json("admin")
            .header("If-Match", "\"0\"")
            .body(Map.of("name", "Phòng Nội vụ huyện " + tag))
            .put(UNITS + "/" + renamed),
        200);

    // a plan delegated to the communes, then cancelled with its open children
    String plan = createTask(TaskFixtures.body(district, "2030-06-30"));
    ok(
        json("admin")
            .body(Map.of("childKind", "COMMUNE"))
            .post(TASKS + "/" + plan + "/delegations"),
        201);
    String planChild =
        ok(json("admin").queryParam("limit", 50).get(TASKS + "/" + plan + "/children"), 200)
            .jsonPath()
            .getString("items[0].id");
    ok(transition(planChild, "START", Map.of()), 200);
    ok(transition(plan, "CANCEL", Map.of("reason", "Thay bằng kế hoạch mới")), 200);

    // work that the merge below passes on: led, assigned, coordinated by a closed commune
    Map<String, Object> own = TaskFixtures.body(c1, "2030-06-30");
    own.put("assigningUnitId", c1);
    String led = createTask(own);
    ok(transition(led, "START", Map.of()), 200);
    Map<String, Object> edited = TaskFixtures.body(c1, "2030-06-30");
    edited.put("assigningUnitId", c1);
    edited.put("title", "Báo cáo công tác dân vận (sửa)");
    ok(
        json("admin")
            .header("If-Match", "\"" + version(TASKS + "/" + led) + "\"")
            .body(edited)
            .put(TASKS + "/" + led),
        200);
    String base = TASKS + "/" + led + "/extension-requests";
    String rid =
        ok(
                json("admin")
                    .body(Map.of("requestedDueDate", "2030-07-31", "reason", "Chờ số liệu"))
                    .post(base),
                201)
            .jsonPath()
            .getString("id");
    ok(
        json("admin")
            .header("If-Match", "\"0\"")
            .body(Map.of("action", "APPROVE", "note", "Đồng ý"))
            .post(base + "/" + rid + "/transitions"),
        200);
    Map<String, Object> coordinated = TaskFixtures.body(c3, "2030-06-30");
    coordinated.put("coordinatingUnitIds", List.of(c1));
    createTask(coordinated);

    // recurring work: occurrences now, more from the nightly run; a deleted series takes its
    // occurrences with it
    Map<String, Object> monthly = TaskFixtures.body(c2, null);
    monthly.remove("dueDate");
    monthly.put("recurrence", Map.of("frequency", "MONTHLY", "dayOfMonth", 28));
    createTask(monthly);
    Map<String, Object> dropped = TaskFixtures.body(c3, null);
    dropped.remove("dueDate");
    dropped.put("recurrence", Map.of("frequency", "MONTHLY", "dayOfMonth", 15));
    String series = createTask(dropped);
    deleted.put(
        "TASK",
        new ArrayList<>(
            ok(json("admin").get(TASKS + "/" + series + "/children"), 200)
                .jsonPath()
                .getList("items.id")));
    deleted.get("TASK").add(series);
    ok(
        json("admin")
            .header("If-Match", "\"" + version(TASKS + "/" + series) + "\"")
            .delete(TASKS + "/" + series),
        204);

    // a directive owed by the communes; a draft with an attachment, deleted
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "KE_HOACH");
    doc.put("symbol", "KH-UBND");
    doc.put("issuingUnitId", district);
    doc.put("issueDate", "2030-01-10");
    doc.put("title", "Triển khai công tác dân vận " + tag);
    doc.put(
        "obligations",
        Map.of("targets", "CHILD_UNITS_OF_KIND", "kind", "COMMUNE", "dueDate", "2030-12-31"));
    Response created = ok(json("admin").body(doc).post(DIRECTIVES), 201);
    String directive = created.jsonPath().getString("id");
    ok(
        json("admin")
            .header("If-Match", "\"" + created.jsonPath().getLong("version") + "\"")
            .body(Map.of("action", "ISSUE"))
            .post(DIRECTIVES + "/" + directive + "/transitions"),
        200);
    Map<String, Object> draftBody = new LinkedHashMap<>(doc);
    draftBody.remove("obligations");
    draftBody.remove("issueDate");
    draftBody.put("title", "Dự thảo " + tag);
    String draft =
        ok(json("admin").body(draftBody).post(DIRECTIVES), 201).jsonPath().getString("id");
    String attachment =
        ok(
                as("admin")
                    .multiPart("file", "du-thao.pdf", PDF, "application/pdf")
                    .post(DIRECTIVES + "/" + draft + "/attachments"),
                201)
            .jsonPath()
            .getString("id");
    ok(
        as("admin")
            .header("If-Match", "\"" + version(DIRECTIVES + "/" + draft) + "\"")
            .delete(DIRECTIVES + "/" + draft),
        204);
    deleted.put("DIRECTIVE", List.of(draft));
    deleted.put("ATTACHMENT", List.of(attachment));

    // a model of a commune the merge closes, a dialogue of the commune that moves with its district
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("leadUnitId", c1);
    model.put("field", "ECONOMY");
    model.put("title", "Mô hình kiểm đếm " + tag);
    model.put("startDate", "2029-06-01");
    ok(json("admin").body(model).post("/api/v1/good-practice-models"), 201);
    Map<String, Object> dialogue = new LinkedHashMap<>();
    dialogue.put("orgUnitId", following);
    dialogue.put("topic", "Đối thoại kiểm đếm " + tag);
    dialogue.put("kind", "YEARLY");
    dialogue.put("plannedDate", "2030-04-15");
    ok(json("admin").body(dialogue).post("/api/v1/dialogues"), 201);

    // the restructurings: two communes merge (their work passes on), a district moves with its
    // commune to another province
    Map<String, Object> merge = new LinkedHashMap<>();
    merge.put("kind", "MERGE");
    merge.put("effectiveDate", "2030-03-01");
    merge.put("legalBasis", "Nghị quyết kiểm đếm " + tag);
    merge.put("sources", List.of(Map.of("unitId", c1), Map.of("unitId", c2)));
    merge.put("newUnit", Map.of("kind", "COMMUNE", "name", "Xã Hợp " + tag, "code", "M" + tag));
    Response merged = ok(json("admin").body(merge).post(UNITS + "/restructurings"), 201);
    assertThat(merged.jsonPath().getList("transfers.entityType"))
        .contains("TASK", "DIRECTIVE_OBLIGATION", "GOOD_PRACTICE_MODEL");
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("kind", "MOVE");
    move.put("effectiveDate", "2024-06-01"); // districts exist until 2025-07-01
    move.put("legalBasis", "Nghị quyết kiểm đếm " + tag);
    move.put("sources", List.of(Map.of("unitId", moving)));
    move.put("newParentId", other);
    ok(json("admin").body(move).post(UNITS + "/restructurings"), 201);

    TestClock.today(LocalDate.parse("2030-05-05"));
    asSystem(tasks::extendAllSeries);
    return new String[] {province, other};
  }

  /** A session, a case with its visit, a visit alone; closed, then erased by retention. */
  private void scriptInReception() {
    TestClock.today(LocalDate.of(2026, 1, 5));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("orgUnitId", AN_HOI_TAY);
    s.put("kind", "PERIODIC_HEAD");
    s.put("sessionDate", "2026-01-05");
    s.put("venue", "Trụ sở tiếp công dân phường");
    s.put("hostName", "Trần Văn Chủ Tịch");
    s.put("hostRole", "HEAD");
    String session =
        ok(json("reception").body(s).post("/api/v1/reception-sessions"), 201)
            .jsonPath()
            .getString("id");
    s.put("venue", "Hội trường UBND phường");
    ok(
        json("reception")
            .header("If-Match", "\"0\"")
            .body(s)
            .put("/api/v1/reception-sessions/" + session),
        200);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("orgUnitId", AN_HOI_TAY);
    c.put("kind", "COMPLAINT");
    c.put("field", "LAND");
    c.put("title", "Vụ việc kiểm đếm " + tag);
    c.put("receivedDate", "2026-01-05");
    String caseId =
        ok(json("reception").body(c).post("/api/v1/cases"), 201).jsonPath().getString("id");
    List<String> visits = new ArrayList<>();
    for (String linked : new String[] {caseId, null}) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("orgUnitId", AN_HOI_TAY);
      v.put("receivedAt", "2026-01-05T09:00:00+07:00");
      v.put(
          "visitors",
          List.of(
              Map.of(
                  "fullName",
                  "Người Kiểm Đếm " + tag,
                  "idType",
                  "CCCD",
                  "idNumber",
                  "0799" + tag + "00",
                  "address",
                  "12 Đường Số 7, TP Hồ Chí Minh")));
      v.put("contentKind", "COMPLAINT");
      v.put("field", "LAND");
      v.put("summary", "Khiếu nại về việc thu hồi đất, hồ sơ kiểm đếm " + tag);
      v.put("outcome", "ACCEPTED_FOR_RESOLUTION");
      v.put("sessionId", session);
      if (linked != null) {
        v.put("caseId", linked);
      }
      visits.add(
          ok(json("reception").body(v).post("/api/v1/reception-visits"), 201)
              .jsonPath()
              .getString("id"));
    }
    for (String action : new String[] {"CLOSE"}) {
      ok(
          json("denunciation")
              .header("If-Match", "\"" + version("/api/v1/cases/" + caseId) + "\"")
              .body(Map.of("action", action, "date", "2026-01-10"))
              .post("/api/v1/cases/" + caseId + "/transitions"),
          200);
    }
    TestClock.today(LocalDate.of(2031, 1, 11));
    retention.eraseExpired();
    assertThat(
            as("admin")
                .get("/api/v1/reception-visits/" + visits.get(1))
                .jsonPath()
                .getBoolean("personalDataErased"))
        .isTrue();
    reception.put("RECEPTION_SESSION", List.of(session));
    reception.put("RECEPTION_CASE", List.of(caseId));
    reception.put("RECEPTION_VISIT", visits);
  }

  // ------------------------------------------------------------------ the census

  private static long xid(Connection c) throws SQLException {
    try (var st = c.createStatement();
        ResultSet rs =
            st.executeQuery("select cast(cast(pg_current_xact_id() as text) as bigint)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** (entity type, id, version) rows of the records a query selects. */
  private static List<Object[]> rows(Connection c, String type, String sql, String... params)
      throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setString(i + 1, params[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new Object[] {type, rs.getObject(1), rs.getLong(2)});
        }
      }
    }
    return out;
  }

  private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static String array(List<String> ids) {
    return "{" + String.join(",", ids) + "}";
  }

  @Test
  void everyVersionIsInTheFeedAndEveryEntryHasItsAuditEvent() throws Exception {
    long start;
    WriteCensus writes = new WriteCensus();
    try (Connection c = dataSource.getConnection()) {
      writes.install(c);
      start = xid(c);
    }
    String[] roots;
    List<String> unannounced;
    Map<String, Long> written;
    try {
      roots = scriptOnPrivateTree();
      scriptInReception();
    } finally {
      try (Connection c = dataSource.getConnection()) {
        unannounced = writes.unannounced(c);
        written = writes.counts(c);
        writes.uninstall(c);
      }
    }
    // every row any table took meanwhile was announced by its transaction: a mutation that
    // bypasses AuditTrail (a repository write with no change-log entry) fails here
    System.out.printf("Write census: rows written by table %s%n", written);
    assertThat(written).containsKeys("task", "directive", "org_unit", "reception_visit");
    assertThat(unannounced).as("writes without a change-log entry of their record").isEmpty();

    try (Connection c = dataSource.getConnection()) {
      long end = xid(c);
      String tree = array(List.of(roots));
      List<Object[]> records = new ArrayList<>();
      records.addAll(
          rows(
              c,
              "ORG_UNIT",
              "select u.id, u.version from org_unit u where exists (select 1 from org_unit_version v"
                  + " where v.unit_id = u.id and v.path && cast(? as uuid[]))",
              tree));
      records.addAll(
          rows(
              c,
              "TASK",
              "select id, version from task where lead_unit_path && cast(? as uuid[])",
              tree));
      records.addAll(
          rows(
              c,
              "TASK_EXTENSION",
              "select e.id, e.version from task_extension e join task t on t.id = e.task_id"
                  + " where t.lead_unit_path && cast(? as uuid[])",
              tree));
      records.addAll(
          rows(
              c,
              "DIRECTIVE",
              "select id, version from directive where issuing_unit_path && cast(? as uuid[])",
              tree));
      records.addAll(
          rows(
              c,
              "GOOD_PRACTICE_MODEL",
              "select m.id, m.version from good_practice_model m where exists (select 1 from"
                  + " good_practice_model_unit u where u.model_id = m.id and u.unit_path && cast(? as uuid[]))",
              tree));
      records.addAll(
          rows(
              c,
              "DIALOGUE",
              "select id, version from dialogue where unit_path && cast(? as uuid[])",
              tree));
      records.addAll(
          rows(
              c,
              "RECEPTION_SESSION",
              "select id, version from reception_session where id = any(cast(? as uuid[]))",
              array(reception.get("RECEPTION_SESSION"))));
      records.addAll(
          rows(
              c,
              "RECEPTION_CASE",
              "select id, version from reception_case where id = any(cast(? as uuid[]))",
              array(reception.get("RECEPTION_CASE"))));
      records.addAll(
          rows(
              c,
              "RECEPTION_VISIT",
              "select id, version from reception_visit where id = any(cast(? as uuid[]))",
              array(reception.get("RECEPTION_VISIT"))));

      Map<String, Integer> byType = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (Object[] r : records) {
        byType.merge((String) r[0], 1, Integer::sum);
        if (!exists(
            c,
            "select exists (select 1 from change_log where entity_type = ? and entity_id = ?"
                + " and entity_version = ?)",
            r[0],
            r[1],
            r[2])) {
          missing.add(r[0] + " " + r[1] + " v" + r[2]);
        }
        if (exists(
            c,
            "select exists (select 1 from change_log where entity_type = ? and entity_id = ?"
                + " and entity_version > ?)",
            r[0],
            r[1],
            r[2])) {
          missing.add(r[0] + " " + r[1] + ": the feed names a version above v" + r[2]);
        }
      }
      for (Map.Entry<String, List<String>> e : deleted.entrySet()) {
        for (String id : e.getValue()) {
          byType.merge(e.getKey() + " (deleted)", 1, Integer::sum);
          if (!exists(
              c,
              "select exists (select 1 from change_log where entity_type = ? and entity_id = ?"
                  + " and operation = 'DELETE')",
              e.getKey(),
              UUID.fromString(id))) {
            missing.add(e.getKey() + " " + id + " deleted");
          }
        }
      }

      // every entry written meanwhile, by anyone, has its audit event of the same transaction
      long entries;
      long orphans;
      Map<String, Long> entriesByType = new LinkedHashMap<>();
      try (PreparedStatement q =
          c.prepareStatement(
              "select l.entity_type, count(*), count(*) filter (where not exists (select 1 from"
                  + " audit_event a where a.txid = l.txid and a.entity_type = l.entity_type"
                  + " and a.entity_id = l.entity_id))"
                  + " from change_log l where l.txid > cast(cast(? as text) as xid8)"
                  + " and l.txid < cast(cast(? as text) as xid8) group by 1 order by 1")) {
        q.setLong(1, start);
        q.setLong(2, end);
        entries = 0;
        orphans = 0;
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            entriesByType.put(rs.getString(1), rs.getLong(2));
            entries += rs.getLong(2);
            orphans += rs.getLong(3);
          }
        }
      }
      System.out.printf(
          "Feed census: %d records checked %s; %d feed entries in the window %s, %d without an"
              + " audit event of their transaction; %d records missing a version%n",
          records.size(), byType, entries, entriesByType, orphans, missing.size());

      assertThat(byType)
          .containsKeys(
              "ORG_UNIT",
              "TASK",
              "TASK_EXTENSION",
              "DIRECTIVE",
              "RECEPTION_SESSION",
              "RECEPTION_CASE",
              "RECEPTION_VISIT",
              "GOOD_PRACTICE_MODEL",
              "DIALOGUE",
              "TASK (deleted)",
              "ATTACHMENT (deleted)");
      assertThat(entriesByType).containsKey("DIRECTIVE_OBLIGATION");
      // every type written is one the feed's types filter knows
      for (String type : entriesByType.keySet()) {
        if (!type.startsWith("TEST_")) {
          ok(
              as("admin").queryParam("types", type).queryParam("limit", 1).get("/api/v1/changes"),
              200);
        }
      }
      assertThat(missing).as("records whose version is not in the feed").isEmpty();
      assertThat(orphans).as("feed entries without their audit event").isZero();

      // events written set-based (cascades, bulk) name the actor's unit like single ones do
      try (PreparedStatement q =
          c.prepareStatement(
              "select count(*), count(*) filter (where actor_unit_path is null) from audit_event"
                  + " where txid > cast(cast(? as text) as xid8)"
                  + " and txid < cast(cast(? as text) as xid8) and actor not like 'system:%'")) {
        q.setLong(1, start);
        q.setLong(2, end);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isPositive();
          assertThat(rs.getLong(2)).as("events of users without the actor's unit").isZero();
        }
      }

      // every action and entity type written (demo data, the script, earlier tests) is one the
      // document's enums list; the test doubles' own types excepted
      String real = " where entity_type not like 'TEST\\_%'";
      assertThat(distinct(c, "select distinct action from audit_event" + real))
          .isSubsetOf(names(AuditAction.values()));
      assertThat(distinct(c, "select distinct entity_type from audit_event" + real))
          .isSubsetOf(names(EntityType.values()));
      assertThat(distinct(c, "select distinct entity_type from change_log" + real))
          .isSubsetOf(names(EntityType.values()));
    }
  }

  private static List<String> distinct(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).toList();
  }

  // ------------------------------------------------------------------ obligations

  /** A document of {@code unit}, created as a draft; returns its id. */
  private static String document(
      String type, String unit, String day, String title, Map<String, Object> extra) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", type);
    doc.put("symbol", type.equals("KE_HOACH") ? "KH-UBND" : "CT-UBND");
    doc.put("issuingUnitId", unit);
    doc.put("issueDate", day);
    doc.put("title", title);
    doc.putAll(extra);
    return ok(json("admin").body(doc).post(DIRECTIVES), 201).jsonPath().getString("id");
  }

  private static void transitionDirective(String id, String action) {
    ok(
        json("admin")
            .header("If-Match", "\"" + version(DIRECTIVES + "/" + id) + "\"")
            .body(Map.of("action", action))
            .post(DIRECTIVES + "/" + id + "/transitions"),
        200);
  }

  /**
   * The feed entries of a directive's obligations, oldest first: obligation id, unit, operation,
   * the action of the audit event of the same transaction (null if none), the transaction.
   */
  private List<String[]> obligationEntries(String directive) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select l.entity_id::text, l.unit_id::text, l.operation,"
                    + " (select string_agg(a.action, ',') from audit_event a where a.txid = l.txid"
                    + " and a.entity_type = l.entity_type and a.entity_id = l.entity_id),"
                    + " l.txid::text from change_log l where l.entity_type = 'DIRECTIVE_OBLIGATION'"
                    + " and l.entity_id in (select o.id from directive_obligation o"
                    + " where o.directive_id = cast(? as uuid)) order by l.txid, l.seq")) {
      q.setString(1, directive);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(
              new String[] {
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
              });
        }
      }
    }
    return out;
  }

  /** The transaction of the last audit event of one action on one record. */
  private String auditTxid(String entityId, String action) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select a.txid::text from audit_event a where a.entity_id = cast(? as uuid)"
                    + " and a.action = ? order by a.txid desc limit 1")) {
      q.setString(1, entityId);
      q.setString(2, action);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).as("audit event %s of %s", action, entityId).isTrue();
        return rs.getString(1);
      }
    }
  }

  @Test
  void obligationsAreAnnouncedWhenCreatedFulfilledAndReopened() throws Exception {
    TestClock.today(LocalDate.parse("2030-01-10"));
    String province = unit("PROVINCE", "Tỉnh Nghĩa Vụ " + tag, "N" + tag, UnitIds.ROOT.toString());
    String district = unit("DISTRICT", "Huyện Nghĩa Vụ " + tag, "V" + tag, province);
    List<String> communes =
        List.of(
            unit("COMMUNE", "Xã Một " + tag, "O" + tag, district),
            unit("COMMUNE", "Xã Hai " + tag, "W" + tag, district),
            unit("COMMUNE", "Xã Ba " + tag, "E" + tag, district));

    // issuing the directive creates one obligation per commune, announced by the same transaction
    String directive =
        document(
            "CHI_THI",
            district,
            "2030-01-10",
            "Về công tác dân vận " + tag,
            Map.of(
                "obligations",
                Map.of(
                    "targets", "CHILD_UNITS_OF_KIND", "kind", "COMMUNE", "dueDate", "2030-06-30")));
    assertThat(obligationEntries(directive)).isEmpty();
    transitionDirective(directive, "ISSUE");
    String issuedIn = auditTxid(directive, "DIRECTIVE_ISSUE");
    List<String[]> created = obligationEntries(directive);
    assertThat(created).hasSize(communes.size());
    assertThat(created).extracting(e -> e[1]).containsExactlyInAnyOrderElementsOf(communes);
    assertThat(created)
        .allSatisfy(
            e -> {
              assertThat(e[2]).isEqualTo("UPSERT");
              assertThat(e[3]).isEqualTo("OBLIGATION_CREATED");
              assertThat(e[4]).isEqualTo(issuedIn);
            });
    assertThat(created).extracting(e -> e[0]).doesNotHaveDuplicates();

    // a commune's implementing plan fulfils its obligation, in the plan's transaction
    String commune = communes.get(0);
    String owed = created.stream().filter(e -> e[1].equals(commune)).findFirst().orElseThrow()[0];
    String plan = document("KE_HOACH", commune, "2030-01-10", "Kế hoạch " + tag, Map.of());
    ok(
        json("admin")
            .body(Map.of("targetId", directive, "relation", "IMPLEMENTS"))
            .post(DIRECTIVES + "/" + plan + "/references"),
        201);
    transitionDirective(plan, "ISSUE");
    List<String[]> afterPlan = obligationEntries(directive);
    assertThat(afterPlan).hasSize(communes.size() + 1);
    String[] fulfilled = afterPlan.get(afterPlan.size() - 1);
    assertThat(fulfilled[0]).isEqualTo(owed);
    assertThat(fulfilled[2]).isEqualTo("UPSERT");
    assertThat(fulfilled[3]).isEqualTo("OBLIGATION_FULFILLED");
    assertThat(fulfilled[4]).isEqualTo(auditTxid(plan, "DIRECTIVE_ISSUE"));

    // revoking the plan reopens it, in the revocation's transaction
    transitionDirective(plan, "REVOKE");
    List<String[]> afterRevoke = obligationEntries(directive);
    assertThat(afterRevoke).hasSize(communes.size() + 2);
    String[] reopened = afterRevoke.get(afterRevoke.size() - 1);
    assertThat(reopened[0]).isEqualTo(owed);
    assertThat(reopened[3]).isEqualTo("OBLIGATION_REOPENED");
    assertThat(reopened[4]).isEqualTo(auditTxid(plan, "DIRECTIVE_REVOKE"));
    Response coverage =
        ok(
            json("admin")
                .queryParam("asOf", "2030-03-01")
                .get(DIRECTIVES + "/" + directive + "/coverage"),
            200);
    assertThat(coverage.jsonPath().getInt("totals.issuedOnTime")).isZero();
  }
}
