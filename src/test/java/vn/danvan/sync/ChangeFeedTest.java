package vn.danvan.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.createDepartment;
import static vn.danvan.testing.Api.rename;
import static vn.danvan.testing.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The change feed (DESIGN §9): every change in the caller's scope, once, even when transactions
 * commit in another order than they started.
 */
@QuarkusTest
class ChangeFeedTest {

  private static final String CHANGES = "/api/v1/changes";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Inject DataSource dataSource;

  // ------------------------------------------------------------------ helpers

  private static Response page(String user, String types, String after, int limit) {
    var request = as(user).queryParam("types", types).queryParam("limit", limit);
    if (after != null) {
      request = request.queryParam("after", after);
    }
    return request.get(CHANGES);
  }

  /** The position after everything the user can read now. */
  private static String head(String user, String types) {
    String after = null;
    while (true) {
      Response response = page(user, types, after, 500);
      assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
      after = response.path("next");
      if (response.jsonPath().getList("items").isEmpty()) {
        return after;
      }
    }
  }

  /** Everything readable after {@code after} now: follows {@code next} up to an empty page. */
  private static List<Map<String, Object>> drain(
      String user, String types, String after, int limit) {
    List<Map<String, Object>> all = new ArrayList<>();
    String position = after;
    while (true) {
      Response response = page(user, types, position, limit);
      assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
      List<Map<String, Object>> items = response.jsonPath().getList("items");
      if (items.isEmpty()) {
        return all;
      }
      all.addAll(items);
      position = response.path("next");
    }
  }

  /** Follows {@code next} from {@code after} until {@code done} holds for all items read. */
  private static List<Map<String, Object>> readUntil(
      String user,
      String types,
      String after,
      int limit,
      Predicate<List<Map<String, Object>>> done) {
    return readUntil(user, types, after, limit, done, PATIENCE);
  }

  private static List<Map<String, Object>> readUntil(
      String user,
      String types,
      String after,
      int limit,
      Predicate<List<Map<String, Object>>> done,
      Duration patience) {
    List<Map<String, Object>> all = new ArrayList<>();
    long deadline = System.nanoTime() + patience.toNanos();
    String position = after;
    while (!done.test(all) && System.nanoTime() < deadline) {
      Response response = page(user, types, position, limit);
      assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
      List<Map<String, Object>> items = response.jsonPath().getList("items");
      assertThat(items).hasSizeLessThanOrEqualTo(limit);
      all.addAll(items);
      String next = response.path("next");
      assertThat(next).isNotBlank();
      position = next;
      if (items.isEmpty()) {
        pause(50);
      }
    }
    return all;
  }

  private static Predicate<List<Map<String, Object>>> contains(String entityId, String op) {
    return items ->
        items.stream()
            .anyMatch(i -> entityId.equals(i.get("entityId")) && op.equals(i.get("operation")));
  }

  private static List<Map<String, Object>> of(List<Map<String, Object>> items, String entityId) {
    return items.stream().filter(i -> entityId.equals(i.get("entityId"))).toList();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void insertChange(Connection connection, String type, UUID entityId)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into change_log (entity_type, entity_id, operation, entity_version, unit_id)"
                + " values (?, ?, 'UPSERT', 0, ?)")) {
      insert.setString(1, type);
      insert.setObject(2, entityId);
      insert.setObject(3, UUID.fromString(HO_CHI_MINH));
      insert.executeUpdate();
    }
  }

  private static Map<String, Long> countById(List<Map<String, Object>> items) {
    return items.stream()
        .collect(Collectors.groupingBy(i -> (String) i.get("entityId"), Collectors.counting()));
  }

  // ------------------------------------------------------------------ ordering

  @Test
  void transactionThatCommitsLateIsNotSkipped() throws Exception {
    String type = SyntheticFeedSource.freshType();
    UUID early = UUID.randomUUID();
    UUID late = UUID.randomUUID();
    try (Connection a = dataSource.getConnection();
        Connection b = dataSource.getConnection()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      // A writes first (the lower transaction id and sequence) but commits last
      insertChange(a, type, early);
      insertChange(b, type, late);
      b.commit();

      List<Map<String, Object>> seen = new ArrayList<>();
      String position = null;
      for (int i = 0; i < 3; i++) {
        Response response = page("admin", type, position, 7);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        seen.addAll(response.jsonPath().getList("items"));
        position = response.path("next");
        pause(100);
      }

      a.commit();
      seen.addAll(
          readUntil(
              "admin",
              type,
              position,
              7,
              items -> {
                List<Map<String, Object>> sofar = new ArrayList<>(seen);
                sofar.addAll(items);
                return countById(sofar)
                    .keySet()
                    .containsAll(Set.of(early.toString(), late.toString()));
              }));
      assertThat(countById(seen))
          .containsOnlyKeys(early.toString(), late.toString())
          .containsEntry(early.toString(), 1L)
          .containsEntry(late.toString(), 1L);
    }
  }

  @Test
  void concurrentWritersCommittingOutOfOrderLoseNothing() throws Exception {
    String type = SyntheticFeedSource.freshType();
    int writers = 6;
    int transactionsPerWriter = 4;
    Set<String> expected = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int t = 0; t < transactionsPerWriter; t++) {
                    try (Connection c = dataSource.getConnection()) {
                      c.setAutoCommit(false);
                      List<String> ids = new ArrayList<>();
                      int rows = 1 + random.nextInt(3);
                      for (int r = 0; r < rows; r++) {
                        UUID id = UUID.randomUUID();
                        insertChange(c, type, id);
                        ids.add(id.toString());
                        Thread.sleep(random.nextInt(30));
                      }
                      Thread.sleep(random.nextInt(301));
                      c.commit();
                      expected.addAll(ids);
                    }
                    Thread.sleep(random.nextInt(50));
                  }
                  return null;
                }));
      }
      go.countDown();

      List<Map<String, Object>> seen =
          readUntil(
              "admin",
              type,
              null,
              7,
              items ->
                  done.stream().allMatch(Future::isDone)
                      && countById(items).keySet().containsAll(expected));
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS); // a writer's failure fails the test
      }

      assertThat(expected).hasSizeGreaterThanOrEqualTo(writers * transactionsPerWriter);
      Map<String, Long> counts = countById(seen);
      assertThat(counts.keySet()).as("every committed change is delivered").isEqualTo(expected);
      assertThat(counts.values()).as("each change exactly once").containsOnly(1L);
      assertThat(seen).allSatisfy(i -> assertThat(i.get("entityType")).isEqualTo(type));
    } finally {
      pool.shutdownNow();
    }
  }

  /** The current transaction id (a fresh one, consumed). */
  private long currentXid(Connection c) throws SQLException {
    try (var st = c.createStatement();
        var rs = st.executeQuery("select cast(cast(pg_current_xact_id() as text) as bigint)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Consumes transaction ids (one empty committed transaction each) until {@code target}. */
  private void burnXidsTo(Connection c, long target) throws SQLException {
    try (var st = c.createStatement()) {
      st.execute("call pg_temp.danvan_burn_xids(" + target + ")");
    }
  }

  @Test
  void transactionIdsOfEveryLengthAreReadOnceInOrder() throws Exception {
    int writers = 4;
    int perWriterAndPhase = 3;
    try (Connection burner = dataSource.getConnection()) {
      burner.setAutoCommit(true);
      try (var st = burner.createStatement()) {
        st.execute(
            "create or replace procedure pg_temp.danvan_burn_xids(target bigint) language plpgsql as $$"
                + " begin while cast(cast(pg_current_xact_id() as text) as bigint) < target loop"
                + " commit; end loop; end $$");
      }
      long start = currentXid(burner);
      // the next powers of ten, as long as they are cheap to reach (up to 200,000 ids, a few
      // seconds): ids of several lengths will hold changes (e.g. 4, 5 and 6 digits). When another
      // test has already pushed the ids far (ChangeFeedRecordsTest crosses 100,000), the changes
      // lie beyond it, of one length.
      List<Long> boundaries = new ArrayList<>();
      for (long p = 10; p <= start + 200_000 && boundaries.size() < 2; p *= 10) {
        if (p > start + 300) {
          boundaries.add(p);
        }
      }
      List<Long> targetList = new ArrayList<>();
      for (long p : boundaries) {
        targetList.add(p - 100);
        targetList.add(p + 10);
      }
      if (targetList.isEmpty()) {
        targetList.add(start + 10);
        targetList.add(start + 50);
      }
      String head = head("admin", "ORG_UNIT");
      Set<String> written = ConcurrentHashMap.newKeySet();
      List<Map<String, Object>> seen = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
      try {
        // a parked reader polls the feed all along, a few entries at a time
        java.util.concurrent.atomic.AtomicBoolean writing =
            new java.util.concurrent.atomic.AtomicBoolean(true);
        Future<List<Map<String, Object>>> reader =
            pool.submit(
                () ->
                    readUntil(
                        "admin",
                        "ORG_UNIT",
                        head,
                        7,
                        items -> !writing.get() && countById(items).keySet().containsAll(written),
                        Duration.ofMinutes(5)));
        long burnStarted = System.nanoTime();
        for (long target : targetList) {
          burnXidsTo(burner, target);
          List<Future<?>> phase = new ArrayList<>();
          for (int w = 0; w < writers; w++) {
            phase.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < perWriterAndPhase; i++) {
                        written.add(
                            createDepartment("hcm-manager", unique("Phòng Mốc"), HO_CHI_MINH)
                                .path("id"));
                      }
                      return null;
                    }));
          }
          for (Future<?> f : phase) {
            f.get(60, TimeUnit.SECONDS);
          }
        }
        long tookMs = (System.nanoTime() - burnStarted) / 1_000_000;
        writing.set(false);
        seen.addAll(reader.get(60, TimeUnit.SECONDS));
        System.out.printf(
            "Feed test: transaction ids %d -> %d (boundaries %s) in %d ms%n",
            start, currentXid(burner), boundaries, tookMs);
      } finally {
        pool.shutdownNow();
      }

      // the changes really lie on both sides of both boundaries
      List<String> inOrder = new ArrayList<>();
      Set<Integer> lengths = new java.util.HashSet<>();
      try (PreparedStatement q =
          burner.prepareStatement(
              "select cast(c.entity_id as text), cast(c.txid as text) as digits from change_log c"
                  + " where c.entity_id = any(cast(? as uuid[])) order by c.txid, c.seq")) {
        q.setString(1, "{" + String.join(",", written) + "}");
        try (var rs = q.executeQuery()) {
          while (rs.next()) {
            inOrder.add(rs.getString(1));
            lengths.add(rs.getString(2).length());
          }
        }
      }
      assertThat(written).hasSize(targetList.size() * writers * perWriterAndPhase);
      assertThat(lengths)
          .as("digits of the transaction ids")
          .hasSizeGreaterThanOrEqualTo(boundaries.size() + 1);

      // three readers: one that polled all along, one parked at the head before the writes that
      // catches up now, one from the start of the feed
      Map<String, List<Map<String, Object>>> readers = new LinkedHashMap<>();
      readers.put("polling", seen);
      readers.put("parked", drain("admin", "ORG_UNIT", head, 7));
      readers.put("from the start", drain("admin", "ORG_UNIT", null, 50));
      readers.forEach(
          (name, items) -> {
            List<String> read =
                items.stream()
                    .map(i -> (String) i.get("entityId"))
                    .filter(written::contains)
                    .toList();
            assertThat(read)
                .as(name + " reader: every change once, in the order of the feed")
                .isEqualTo(inOrder);
          });
      long all;
      try (var st = burner.createStatement();
          var rs =
              st.executeQuery("select count(*) from change_log where entity_type = 'ORG_UNIT'")) {
        rs.next();
        all = rs.getLong(1);
      }
      assertThat(readers.get("from the start"))
          .as("the whole feed from the start, nothing repeated")
          .hasSize((int) all);
    }
  }

  // ------------------------------------------------------------------ content

  @Test
  void createUpdateAndDeleteEachLeaveAnEntry() {
    String head = head("admin", "ORG_UNIT");
    Response created = createDepartment("hcm-manager", unique("Phòng Luồng"), HO_CHI_MINH);
    String id = created.path("id");
    rename("hcm-manager", id, 0, unique("Phòng Luồng đã sửa"));
    as("hcm-manager")
        .header("If-Match", "\"1\"")
        .delete(ORG_UNITS + "/" + id)
        .then()
        .statusCode(204);

    List<Map<String, Object>> entries =
        of(readUntil("admin", "ORG_UNIT", head, 50, contains(id, "DELETE")), id);

    assertThat(entries)
        .extracting(e -> e.get("operation"))
        .containsExactly("UPSERT", "UPSERT", "DELETE");
    assertThat(entries).extracting(e -> e.get("version")).containsExactly(0, 1, null);
    assertThat(entries).extracting(e -> e.get("entityType")).containsOnly("ORG_UNIT");
    assertThat(entries).extracting(e -> e.get("unitId")).containsOnly(id);
    assertThat(entries).extracting(e -> e.get("changedAt")).doesNotContainNull();
  }

  @Test
  void scopedReaderReceivesTombstones() {
    String head = head("integration", "ORG_UNIT");
    String id = createDepartment("hcm-manager", unique("Phòng Xóa"), HO_CHI_MINH).path("id");
    List<Map<String, Object>> before =
        readUntil("integration", "ORG_UNIT", head, 50, contains(id, "UPSERT"));
    assertThat(of(before, id)).extracting(e -> e.get("operation")).containsExactly("UPSERT");
    String position = head("integration", "ORG_UNIT");

    as("hcm-manager")
        .header("If-Match", "\"0\"")
        .delete(ORG_UNITS + "/" + id)
        .then()
        .statusCode(204);

    List<Map<String, Object>> after =
        readUntil("integration", "ORG_UNIT", position, 50, contains(id, "DELETE"));
    assertThat(of(after, id)).extracting(e -> e.get("operation")).containsExactly("DELETE");
  }

  // ------------------------------------------------------------------ scope and roles

  @Test
  void integrationSeesItsScopeOnly() {
    String integrationHead = head("integration", "ORG_UNIT");
    String adminHead = head("admin", "ORG_UNIT");
    // the unit outside the scope is created first: had the reader been allowed to see it, it
    // would come before the unit inside
    String haNoi = createDepartment("admin", unique("Phòng Hà Nội"), HA_NOI).path("id");
    String hcm = createDepartment("hcm-manager", unique("Phòng HCM"), HO_CHI_MINH).path("id");

    List<Map<String, Object>> integration =
        readUntil("integration", "ORG_UNIT", integrationHead, 50, contains(hcm, "UPSERT"));
    List<Map<String, Object>> admin =
        readUntil(
            "admin",
            "ORG_UNIT",
            adminHead,
            50,
            contains(hcm, "UPSERT").and(contains(haNoi, "UPSERT")));

    assertThat(of(integration, hcm)).hasSize(1);
    assertThat(of(integration, haNoi)).isEmpty();
    assertThat(of(admin, haNoi)).hasSize(1);
    assertThat(of(admin, hcm)).hasSize(1);
  }

  @Test
  void viewerMayNotReadTheFeed() {
    assertProblem(as("viewer").get(CHANGES), 403, "FORBIDDEN");
    assertProblem(as("auditor").get(CHANGES), 403, "FORBIDDEN");
    assertProblem(given().get(CHANGES), 401, "UNAUTHENTICATED");
  }

  @Test
  void emptyPagesMoveOnWithoutSkipping() throws Exception {
    String type = SyntheticFeedSource.freshType();

    // from the start: nothing of the type yet, a position all the same
    Response fromStart = as("admin").queryParam("types", type).get(CHANGES);
    assertThat(fromStart.statusCode()).as(fromStart.asString()).isEqualTo(200);
    assertThat(fromStart.jsonPath().getList("items")).isEmpty();
    String start = fromStart.path("next");
    assertThat(start).isNotBlank();

    // an empty page may move the position on (past every ended transaction: a sparse filter does
    // not rescan the other types at each poll), never past a change not yet read
    String position = start;
    for (int i = 0; i < 3; i++) {
      Response again = page("admin", type, position, 50);
      assertThat(again.jsonPath().getList("items")).isEmpty();
      position = again.path("next");
      createDepartment("hcm-manager", unique("Phòng Trống"), HO_CHI_MINH);
    }
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      insertChange(c, type, id);
    }
    for (String from : List.of(start, position)) {
      List<Map<String, Object>> read =
          readUntil("admin", type, from, 50, contains(id.toString(), "UPSERT"));
      assertThat(read).extracting(e -> e.get("entityId")).containsExactly(id.toString());
    }
  }

  @Test
  void badPositionsAndLimitsAreProblems() {
    assertProblem(as("admin").queryParam("after", "garbage").get(CHANGES), 400, "INVALID_CURSOR");
    assertProblem(as("admin").queryParam("limit", 0).get(CHANGES), 400, "VALIDATION_FAILED");
    assertProblem(as("admin").queryParam("limit", 501).get(CHANGES), 400, "VALIDATION_FAILED");
  }
}
