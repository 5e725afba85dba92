package vn.danvan.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.ROOT;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.createDepartment;
import static vn.danvan.testing.Api.json;
import static vn.danvan.testing.Api.rename;
import static vn.danvan.testing.Api.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The feed's filters ({@code types}, {@code orgUnitId} + {@code orgUnitMode}), its records ({@code
 * include=record}: current, masked, batched; tombstones bare) and its cursors (bound to the filters
 * and to this installation; transaction ids past 100,000).
 */
@QuarkusTest
class ChangeFeedRecordsTest {

  private static final String CHANGES = "/api/v1/changes";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DataSource dataSource;

  // ------------------------------------------------------------------ helpers

  /** A feed request: {@code params} as name, value pairs (null values left out). */
  private static Response get(String user, String... params) {
    RequestSpecification request = as(user);
    for (int i = 0; i < params.length; i += 2) {
      if (params[i + 1] != null) {
        request = request.queryParam(params[i], params[i + 1]);
      }
    }
    return request.get(CHANGES);
  }

  private static Response ok(Response response) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response;
  }

  /** The position after everything {@code user} can read now with {@code params}. */
  private static String head(String user, String... params) {
    String after = null;
    while (true) {
      Response page = ok(get(user, with(params, "after", after, "limit", "500")));
      after = page.path("next");
      if (page.jsonPath().getList("items").isEmpty()) {
        return after;
      }
    }
  }

  /** Everything after {@code after} now, following {@code next} to an empty page. */
  private static List<Map<String, Object>> drain(String user, String after, String... params) {
    List<Map<String, Object>> all = new ArrayList<>();
    String position = after;
    while (true) {
      Response page = ok(get(user, with(params, "after", position, "limit", "500")));
      List<Map<String, Object>> items = page.jsonPath().getList("items");
      if (items.isEmpty()) {
        return all;
      }
      all.addAll(items);
      position = page.path("next");
    }
  }

  private static String[] with(String[] params, String... more) {
    String[] out = new String[params.length + more.length];
    System.arraycopy(params, 0, out, 0, params.length);
    System.arraycopy(more, 0, out, params.length, more.length);
    return out;
  }

  private static List<Map<String, Object>> of(List<Map<String, Object>> items, String id) {
    return items.stream().filter(i -> id.equals(i.get("entityId"))).toList();
  }

  private static List<String> ids(List<Map<String, Object>> items) {
    return items.stream().map(i -> (String) i.get("entityId")).distinct().toList();
  }

  private static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    body.put("code", code);
    Response r = json("admin").body(body).post(ORG_UNITS);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.path("id");
  }

  private void insertChange(String type, UUID id, String operation, String unit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into change_log (entity_type, entity_id, operation, entity_version, unit_id,"
                    + " unit_path) values (?, ?, ?, ?, ?, (select v.path from org_unit_version v"
                    + " where v.unit_id = ? order by v.valid_from desc limit 1))")) {
      insert.setString(1, type);
      insert.setObject(2, id);
      insert.setString(3, operation);
      insert.setObject(4, "DELETE".equals(operation) ? null : 0L, java.sql.Types.BIGINT);
      insert.setObject(5, UUID.fromString(unit));
      insert.setObject(6, UUID.fromString(unit));
      insert.executeUpdate();
    }
  }

  private static ObjectNode decode(String cursor) throws Exception {
    return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(cursor));
  }

  private static String encode(ObjectNode body) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(body));
  }

  // ------------------------------------------------------------------ bad parameters

  @Test
  void badParametersAreProblems() {
    Response unknown = get("admin", "types", "TASK,NOPE");
    assertProblem(unknown, 400, "INVALID_PARAMETER");
    assertThat(unknown.jsonPath().getList("errors.pointer")).containsExactly("/query/types");
    assertThat(unknown.jsonPath().getString("errors[0].detail"))
        .contains("ORG_UNIT", "TASK", "RECEPTION_VISIT", "DIRECTIVE");
    assertProblem(get("admin", "types", "TASK,"), 400, "INVALID_PARAMETER");
    assertProblem(get("admin", "types", "task"), 400, "INVALID_PARAMETER");
    Response include = get("admin", "include", "records");
    assertProblem(include, 400, "INVALID_PARAMETER");
    assertThat(include.jsonPath().getList("errors.pointer")).containsExactly("/query/include");
    Response mode = get("admin", "orgUnitMode", "DESCENDANTS");
    assertProblem(mode, 400, "VALIDATION_FAILED");
    assertThat(mode.jsonPath().getList("errors.pointer")).containsExactly("/query/orgUnitId");
    assertProblem(
        get("admin", "orgUnitMode", "ALL", "orgUnitId", HO_CHI_MINH), 400, "INVALID_PARAMETER");
    assertProblem(get("admin", "orgUnitId", "hcm"), 400, "INVALID_PARAMETER");
    Response missing = get("admin", "orgUnitId", UUID.randomUUID().toString());
    assertProblem(missing, 422, "UNKNOWN_UNIT");
    assertThat(missing.jsonPath().getList("errors.pointer")).containsExactly("/query/orgUnitId");
    // another province answers exactly like a unit that does not exist
    Response elsewhere = get("integration", "orgUnitId", HA_NOI, "orgUnitMode", "DESCENDANTS");
    assertProblem(elsewhere, 422, "UNKNOWN_UNIT");
    assertThat(elsewhere.asString()).isEqualTo(missing.asString());
    ok(get("integration", "orgUnitId", HO_CHI_MINH, "orgUnitMode", "DESCENDANTS"));
    ok(get("admin", "types", " ORG_UNIT , TASK ", "include", "record"));
  }

  // ------------------------------------------------------------------ cursors

  @Test
  void cursorsAreBoundToTheirFiltersAndToThisInstallation() throws Exception {
    String type = SyntheticFeedSource.freshType();
    insertChange(type, UUID.randomUUID(), "UPSERT", HO_CHI_MINH);
    Response first = ok(get("admin", "types", type + ",ORG_UNIT", "limit", "1"));
    String next = first.path("next");

    // the same filters in another order and spelling continue; include is not a filter
    ok(get("admin", "types", "ORG_UNIT, " + type, "after", next, "include", "record"));
    // other filters do not: the cursor would skip their older entries
    for (String[] other :
        List.of(
            new String[] {"types", "ORG_UNIT"},
            new String[] {"types", type},
            new String[] {"types", null},
            new String[] {"types", type + ",ORG_UNIT", "orgUnitId", HO_CHI_MINH})) {
      Response r = get("admin", with(other, "after", next));
      assertProblem(r, 400, "INVALID_CURSOR");
      assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/query/after");
    }

    // a cursor of another installation, or of a position no transaction has reached yet
    ObjectNode body = decode(next);
    var keys = (com.fasterxml.jackson.databind.node.ArrayNode) body.get("k");
    ObjectNode foreign = body.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) foreign.get("k"))
        .set(0, UUID.randomUUID().toString());
    ObjectNode ahead = body.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) ahead.get("k"))
        .set(1, Long.toString(Long.parseLong(keys.get(1).asText()) + 1_000_000_000L));
    ObjectNode huge = body.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) huge.get("k"))
        .set(1, Long.toUnsignedString(-1L));
    for (ObjectNode crafted : List.of(foreign, ahead, huge)) {
      Response r = get("admin", "types", type + ",ORG_UNIT", "after", encode(crafted));
      assertProblem(r, 400, "INVALID_CURSOR");
      assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/query/after");
    }
    assertProblem(
        get("admin", "after", Base64.getUrlEncoder().encodeToString("{}".getBytes())),
        400,
        "INVALID_CURSOR");
  }

  /** The current transaction id (a fresh one, consumed). */
  private static long xid(Connection c) throws SQLException {
    try (var st = c.createStatement();
        var rs = st.executeQuery("select cast(cast(pg_current_xact_id() as text) as bigint)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void transactionIdsPastOneHundredThousandKeepTheirOrder() throws Exception {
    String type = SyntheticFeedSource.freshType();
    List<UUID> written = new ArrayList<>();
    try (Connection burner = dataSource.getConnection()) {
      burner.setAutoCommit(true);
      try (var st = burner.createStatement()) {
        st.execute(
            "create or replace procedure pg_temp.danvan_burn_xids(target bigint) language plpgsql"
                + " as $$ begin while cast(cast(pg_current_xact_id() as text) as bigint) < target"
                + " loop commit; end loop; end $$");
      }
      long start = xid(burner);
      String before = head("admin", "types", type);
      // changes on both sides of 100,000 (5 and 6 digits) when the ids are still below it, else
      // beyond it (6 digits or more) all the same
      long[] targets =
          start < 99_900 ? new long[] {99_950, 100_005} : new long[] {start + 10, start + 50};
      long t0 = System.nanoTime();
      for (long target : targets) {
        try (var st = burner.createStatement()) {
          st.execute("call pg_temp.danvan_burn_xids(" + target + ")");
        }
        for (int i = 0; i < 3; i++) {
          UUID id = UUID.randomUUID();
          insertChange(type, id, "UPSERT", HO_CHI_MINH);
          written.add(id);
        }
      }
      long end = xid(burner);
      System.out.printf(
          "Feed test: transaction ids %d -> %d in %d ms%n",
          start, end, (System.nanoTime() - t0) / 1_000_000);
      assertThat(end).isGreaterThan(100_000);

      // read two at a time: the cursor itself crosses the boundary
      List<Map<String, Object>> read = new ArrayList<>();
      String position = before;
      for (int i = 0; i < 10; i++) {
        Response page = ok(get("admin", "types", type, "after", position, "limit", "2"));
        read.addAll(page.jsonPath().getList("items"));
        position = page.path("next");
      }
      assertThat(read.stream().map(e -> UUID.fromString((String) e.get("entityId"))).toList())
          .isEqualTo(written);
      assertThat(decode(position).get("k").get(1).asLong()).isGreaterThan(100_000);
      assertThat(drain("admin", position, "types", type)).isEmpty();
    }
  }

  // ------------------------------------------------------------------ filters

  @Test
  void typesAndUnitModesSelectTheirEntries() throws Exception {
    String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String province = unit("PROVINCE", "Tỉnh Lọc " + tag, "L" + tag, ROOT);
    String head =
        head("admin", "types", "ORG_UNIT", "orgUnitId", province, "orgUnitMode", "DESCENDANTS");
    String district = unit("DISTRICT", "Huyện Lọc " + tag, "D" + tag, province);
    String commune = unit("COMMUNE", "Xã Lọc " + tag, "C" + tag, district);
    rename("admin", province, 0, "Tỉnh Lọc đã sửa " + tag);
    String type = SyntheticFeedSource.freshType();
    UUID visit = UUID.randomUUID();
    insertChange(type, visit, "UPSERT", commune);

    List<String> descendants =
        ids(
            drain(
                "admin",
                head,
                "types",
                "ORG_UNIT",
                "orgUnitId",
                province,
                "orgUnitMode",
                "DESCENDANTS"));
    assertThat(descendants).containsExactlyInAnyOrder(province, district, commune);
    // (a cursor belongs to its filters: the others read from the start)
    assertThat(ids(drain("admin", null, "types", "ORG_UNIT", "orgUnitId", province)))
        .as("SELECTED by default")
        .containsExactly(province);
    // every mode from the start of the feed: only this tree's units are there
    assertThat(
            ids(
                drain(
                    "admin",
                    null,
                    "types",
                    "ORG_UNIT",
                    "orgUnitId",
                    province,
                    "orgUnitMode",
                    "CHILDREN")))
        .containsExactlyInAnyOrder(province, district);
    assertThat(
            ids(
                drain(
                    "admin",
                    null,
                    "types",
                    "ORG_UNIT",
                    "orgUnitId",
                    district,
                    "orgUnitMode",
                    "DESCENDANTS")))
        .containsExactlyInAnyOrder(district, commune);
    assertThat(
            ids(
                drain(
                    "admin",
                    null,
                    "types",
                    "ORG_UNIT",
                    "orgUnitId",
                    commune,
                    "orgUnitMode",
                    "SELECTED")))
        .containsExactly(commune);
    // the types filter: both types, one, the other
    assertThat(
            ids(
                drain(
                    "admin",
                    null,
                    "types",
                    type + ",ORG_UNIT",
                    "orgUnitId",
                    district,
                    "orgUnitMode",
                    "DESCENDANTS")))
        .containsExactlyInAnyOrder(district, commune, visit.toString());
    assertThat(
            ids(
                drain(
                    "admin",
                    null,
                    "types",
                    type,
                    "orgUnitId",
                    province,
                    "orgUnitMode",
                    "DESCENDANTS")))
        .containsExactly(visit.toString());
    // no types filter: every type of the subtree, in feed order
    List<Map<String, Object>> all =
        drain("admin", null, "orgUnitId", province, "orgUnitMode", "DESCENDANTS");
    assertThat(ids(all)).contains(province, district, commune, visit.toString());
    assertThat(all).extracting(e -> e.get("entityType")).containsOnly("ORG_UNIT", type);
  }

  @Test
  void aScopedReaderFiltersInsideItsScopeOnly() {
    String head =
        head(
            "integration",
            "types",
            "ORG_UNIT",
            "orgUnitId",
            HO_CHI_MINH,
            "orgUnitMode",
            "CHILDREN");
    String child = createDepartment("hcm-manager", unique("Phòng Con"), HO_CHI_MINH).path("id");
    String grandchild = createDepartment("hcm-manager", unique("Tổ Cháu"), child).path("id");
    String haNoi = createDepartment("admin", unique("Phòng Hà Nội"), HA_NOI).path("id");
    List<String> children =
        ids(
            drain(
                "integration",
                head,
                "types",
                "ORG_UNIT",
                "orgUnitId",
                HO_CHI_MINH,
                "orgUnitMode",
                "CHILDREN"));
    assertThat(children).contains(child).doesNotContain(grandchild, haNoi);
  }

  // ------------------------------------------------------------------ records

  @Test
  void upsertsCarryTheCurrentRecordAndTombstonesNone() {
    String head = head("integration", "types", "ORG_UNIT");
    String name = unique("Phòng Bản Ghi");
    String id = createDepartment("hcm-manager", name, HO_CHI_MINH).path("id");
    String renamed = unique("Phòng Bản Ghi đã sửa");
    rename("hcm-manager", id, 0, renamed);

    // both versions carry the current record (version 1): the feed is the latest state
    List<Map<String, Object>> entries =
        of(drain("integration", head, "types", "ORG_UNIT", "include", "record"), id);
    assertThat(entries).extracting(e -> e.get("version")).containsExactly(0, 1);
    assertThat(entries).extracting(e -> e.get("recordStatus")).containsOnly("INCLUDED");
    for (Map<String, Object> e : entries) {
      @SuppressWarnings("unchecked")
      Map<String, Object> record = (Map<String, Object>) e.get("record");
      assertThat(record).containsEntry("id", id).containsEntry("name", renamed);
      assertThat(record.get("version")).isEqualTo(1);
    }
    // the record is what GET answers the same caller
    Map<String, Object> got = ok(as("integration").get(ORG_UNITS + "/" + id)).jsonPath().getMap("");
    assertThat(entries.get(1).get("record")).isEqualTo(got);
    // without include, no record and no status
    assertThat(of(drain("integration", head, "types", "ORG_UNIT"), id))
        .allSatisfy(e -> assertThat(e).doesNotContainKeys("record", "recordStatus"));

    as("hcm-manager")
        .header("If-Match", "\"1\"")
        .delete(ORG_UNITS + "/" + id)
        .then()
        .statusCode(204);
    List<Map<String, Object>> after =
        of(drain("integration", head, "types", "ORG_UNIT", "include", "record"), id);
    assertThat(after)
        .extracting(e -> e.get("operation"))
        .containsExactly("UPSERT", "UPSERT", "DELETE");
    // the record is gone: the older entries say so, the tombstone carries the key only
    assertThat(after.subList(0, 2))
        .allSatisfy(
            e -> {
              assertThat(e).doesNotContainKey("record");
              assertThat(e.get("recordStatus")).isEqualTo("UNAVAILABLE");
            });
    assertThat(after.get(2))
        .containsEntry("entityType", "ORG_UNIT")
        .containsEntry("entityId", id)
        .containsEntry("unitId", id)
        .doesNotContainKeys("record", "recordStatus");
    assertThat(after.get(2).get("version")).isNull();
  }

  @Test
  void aRecordTheCallerMayNotReadIsNeverSent() throws Exception {
    String type = SyntheticFeedSource.freshType();
    UUID open = UUID.randomUUID();
    UUID secret = UUID.randomUUID();
    UUID gone = UUID.randomUUID();
    UUID deleted = UUID.randomUUID();
    SyntheticFeedSource.secret(secret);
    SyntheticFeedSource.gone(gone);
    for (UUID id : List.of(open, secret, gone)) {
      insertChange(type, id, "UPSERT", HO_CHI_MINH);
    }
    insertChange(type, deleted, "DELETE", HO_CHI_MINH);

    Response integration = ok(get("integration", "types", type, "include", "record"));
    List<Map<String, Object>> items = integration.jsonPath().getList("items");
    assertThat(items)
        .extracting(e -> e.get("recordStatus"))
        .containsExactly("INCLUDED", "UNAVAILABLE", "UNAVAILABLE", null);
    assertThat(items.get(1)).doesNotContainKey("record");
    assertThat(integration.asString())
        .contains(SyntheticFeedSource.content(open))
        .doesNotContain(SyntheticFeedSource.content(secret));

    // the same entries as an admin, who may read the secret record
    Response admin = ok(get("admin", "types", type, "include", "record"));
    assertThat(admin.jsonPath().getList("items.recordStatus"))
        .containsExactly("INCLUDED", "INCLUDED", "UNAVAILABLE", null);
    assertThat(admin.asString()).contains(SyntheticFeedSource.content(secret));
  }

  @Test
  void aPageRendersItsRecordsInOneCallPerType() throws Exception {
    String a = SyntheticFeedSource.freshType();
    String b = SyntheticFeedSource.freshType();
    List<UUID> ofA = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      UUID id = UUID.randomUUID();
      ofA.add(id);
      insertChange(a, id, "UPSERT", HO_CHI_MINH);
      insertChange(b, UUID.randomUUID(), "UPSERT", HO_CHI_MINH);
      insertChange(a, id, "UPSERT", HO_CHI_MINH); // a second version of the same record
    }
    SyntheticFeedSource.CALLS.clear();
    Response page = ok(get("admin", "types", a + "," + b, "include", "record", "limit", "500"));
    assertThat(page.jsonPath().getList("items")).hasSize(21);
    assertThat(page.jsonPath().getList("items.recordStatus")).containsOnly("INCLUDED");
    List<Map.Entry<String, List<UUID>>> calls = List.copyOf(SyntheticFeedSource.CALLS);
    assertThat(calls).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(a, b);
    assertThat(
            calls.stream().filter(c -> c.getKey().equals(a)).findFirst().orElseThrow().getValue())
        .as("each record once")
        .containsExactlyElementsOf(ofA);
  }

  @Test
  void calendarDaysCarryTheirListing() {
    LocalDate day = LocalDate.of(2090, 1, 2).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    String path = "/api/v1/calendar/days/" + day;
    String head = head("admin", "types", "CALENDAR_DAY");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "HOLIDAY");
    body.put("name", "Ngày nghỉ luồng " + day);
    body.put("legalBasis", "Quyết định thử nghiệm");
    Response listed = json("admin").body(body).put(path);
    assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(201);
    String id = listed.path("id");

    List<Map<String, Object>> entries =
        of(drain("admin", head, "types", "CALENDAR_DAY", "include", "record"), id);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0)).containsEntry("recordStatus", "INCLUDED");
    assertThat(entries.get(0).get("record"))
        .isEqualTo(ok(as("admin").get(path)).jsonPath().getMap(""));

    as("admin").header("If-Match", "\"0\"").delete(path).then().statusCode(204);
    List<Map<String, Object>> after =
        of(drain("admin", head, "types", "CALENDAR_DAY", "include", "record"), id);
    assertThat(after).extracting(e -> e.get("operation")).containsExactly("UPSERT", "DELETE");
    assertThat(after.get(0))
        .containsEntry("recordStatus", "UNAVAILABLE")
        .doesNotContainKey("record");
    assertThat(after.get(1)).doesNotContainKeys("record", "recordStatus");
  }

  @Test
  void typesWithoutASourceSaySo() {
    // restructurings have no representation in the feed
    Response page = ok(get("admin", "types", "RESTRUCTURING", "include", "record", "limit", "5"));
    assertThat(page.jsonPath().getList("items.recordStatus"))
        .allSatisfy(s -> assertThat(s).isIn("NOT_SUPPORTED", null));
    assertThat(
            new String(
                Base64.getUrlDecoder().decode((String) page.path("next")), StandardCharsets.UTF_8))
        .startsWith("{\"l\":\"changes~");
  }
}
