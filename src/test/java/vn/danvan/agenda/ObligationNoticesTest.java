package vn.danvan.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.task.TaskFixtures;
import vn.danvan.testing.TestClock;

/**
 * The agenda's notices of obligations due soon and overdue (issue 14 §1): one per obligation, event
 * and due date, in the change feed (scoped, {@code include=record}) and delivered by webhooks; none
 * outside the windows; an extension that moves the due date notifies again.
 */
@QuarkusTest
class ObligationNoticesTest {

  static final LocalDate TODAY = LocalDate.parse("2036-06-11");
  static final String WARD = DemoAccounts.AN_HOI_TAY.toString();
  static final String TYPES = "OBLIGATION_DUE_SOON,OBLIGATION_OVERDUE";
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject ObligationNotices notices;
  @Inject DataSource dataSource;

  @BeforeEach
  void today() {
    TestClock.today(TODAY);
  }

  @AfterEach
  void time() {
    TestClock.reset();
  }

  @Test
  void oncePerObligationInTheFeedAndByWebhook() throws Exception {
    String soon = task(TODAY.plusDays(1));
    String late = task(TODAY.minusDays(1));
    String far = task(TODAY.plusDays(10));
    String old = task(TODAY.minusDays(30));
    String moved = task(TODAY.plusDays(2));
    String done = task(TODAY.plusDays(1));
    ok(
        transition(done, "COMPLETE", Map.of("resultNote", "Xong", "completedOn", TODAY.toString())),
        200);

    try (Hook hook = new Hook()) {
      Response sub =
          json("admin")
              .body(
                  Map.of(
                      "url",
                      hook.url(),
                      "eventTypes",
                      List.of("OBLIGATION_OVERDUE"),
                      "orgUnitId",
                      WARD,
                      "description",
                      "Nghĩa vụ quá hạn của phường"))
              .post("/api/v1/webhook-subscriptions");
      ok(sub, 201);
      String subId = sub.jsonPath().getString("id");
      try {
        ObligationNotices.Scan first = notices.scan();
        System.out.printf(
            "Obligation notices, first scan of the country on %s: %d obligations read, %d noticed"
                + " in %d ms%n",
            first.day(), first.read(), first.noticed(), first.millis());
        assertThat(first.noticed()).isGreaterThanOrEqualTo(3);

        assertThat(stored(soon)).containsExactly("DUE_SOON " + TODAY.plusDays(1));
        assertThat(stored(late)).containsExactly("OVERDUE " + TODAY.minusDays(1));
        assertThat(stored(moved)).containsExactly("DUE_SOON " + TODAY.plusDays(2));
        assertThat(stored(far)).isEmpty();
        assertThat(stored(old)).isEmpty();
        assertThat(stored(done)).isEmpty();

        // once: a second scan on the same day writes nothing, anywhere
        ObligationNotices.Scan second = notices.scan();
        System.out.printf(
            "Obligation notices, second scan: %d obligations read, %d noticed in %d ms%n",
            second.read(), second.noticed(), second.millis());
        assertThat(second.noticed()).isZero();
        assertThat(stored(soon)).hasSize(1);
        assertThat(stored(late)).hasSize(1);

        // the feed, as the admin, with the records
        Map<String, JsonNode> feed = feed("integration", WARD);
        JsonNode soonEntry = entryOf(feed, soon);
        assertThat(soonEntry.path("entityType").asText()).isEqualTo("OBLIGATION_DUE_SOON");
        assertThat(soonEntry.path("unitId").asText()).isEqualTo(WARD);
        assertThat(soonEntry.path("recordStatus").asText()).isEqualTo("INCLUDED");
        JsonNode soonRecord = soonEntry.path("record");
        assertThat(soonRecord.path("event").asText()).isEqualTo("DUE_SOON");
        assertThat(soonRecord.path("kind").asText()).isEqualTo("TASK");
        assertThat(soonRecord.path("state").asText()).isEqualTo("IN_PROGRESS_IN_TERM");
        assertThat(soonRecord.path("dueDate").asText()).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(soonRecord.path("orgUnitId").asText()).isEqualTo(WARD);
        assertThat(soonRecord.path("orgUnitName").asText()).isNotBlank();
        assertThat(soonRecord.path("title").asText()).isNotBlank();
        assertThat(soonRecord.path("href").asText()).isEqualTo("/api/v1/tasks/" + soon);
        assertThat(soonRecord.path("noticedOn").asText()).isEqualTo(TODAY.toString());
        JsonNode lateRecord = entryOf(feed, late).path("record");
        assertThat(lateRecord.path("event").asText()).isEqualTo("OVERDUE");
        assertThat(lateRecord.path("state").asText()).isEqualTo("OVERDUE");
        // one entry per notice
        long lateEntries =
            feed.values().stream()
                .filter(e -> late.equals(e.path("record").path("obligationId").asText()))
                .count();
        assertThat(lateEntries).isEqualTo(1);

        // another province's integration account sees none of them
        Map<String, JsonNode> hanoi = feed("integration-hn", null);
        assertThat(hanoi.keySet()).doesNotContainAnyElementsOf(feed.keySet());
        assertThat(hanoi.values())
            .allSatisfy(e -> assertThat(e.path("unitId").asText()).isNotEqualTo(WARD));

        // the webhook of overdue obligations of the ward gets the late task's notice, rendered
        String lateNotice = entryOf(feed, late).path("entityId").asText();
        JsonNode delivered = hook.await(lateNotice);
        assertThat(delivered.path("type").asText()).isEqualTo("OBLIGATION_OVERDUE");
        assertThat(delivered.path("record").path("obligationId").asText()).isEqualTo(late);
        assertThat(delivered.path("record").path("event").asText()).isEqualTo("OVERDUE");
        String soonNotice = soonEntry.path("entityId").asText();
        assertThat(hook.received()).noneMatch(b -> soonNotice.equals(b.path("entityId").asText()));

        // an extension moves the due date: a new notice for the new date, the old one stays
        String rid =
            ok(
                    json("ward-officer")
                        .body(
                            Map.of(
                                "requestedDueDate",
                                TODAY.plusDays(3).toString(),
                                "reason",
                                "Chờ số liệu"))
                        .post("/api/v1/tasks/" + moved + "/extension-requests"),
                    201)
                .jsonPath()
                .getString("id");
        ok(
            json("hcm-manager")
                .header("If-Match", "\"0\"")
                .body(Map.of("action", "APPROVE", "note", "Đồng ý"))
                .post("/api/v1/tasks/" + moved + "/extension-requests/" + rid + "/transitions"),
            200);
        ObligationNotices.Scan third = notices.scan();
        assertThat(third.noticed()).isEqualTo(1);
        assertThat(stored(moved))
            .containsExactlyInAnyOrder(
                "DUE_SOON " + TODAY.plusDays(2), "DUE_SOON " + TODAY.plusDays(3));
        assertThat(notices.scan().noticed()).isZero();
      } finally {
        json("admin").delete("/api/v1/webhook-subscriptions/" + subId).then().statusCode(204);
      }
    }
  }

  @Test
  void theWindowsAreConfiguredDaysAroundTheBusinessToday() throws Exception {
    // the last day of the due-soon window and the first of the lookback are in; one past is out
    String lastSoon = task(TODAY.plusDays(3));
    String pastSoon = task(TODAY.plusDays(4));
    String firstLate = task(TODAY.minusDays(7));
    String pastLate = task(TODAY.minusDays(8));
    String dueToday = task(TODAY);
    notices.scan();
    assertThat(stored(lastSoon)).containsExactly("DUE_SOON " + TODAY.plusDays(3));
    assertThat(stored(dueToday)).containsExactly("DUE_SOON " + TODAY);
    assertThat(stored(firstLate)).containsExactly("OVERDUE " + TODAY.minusDays(7));
    assertThat(stored(pastSoon)).isEmpty();
    assertThat(stored(pastLate)).isEmpty();
    // the next day the task due today is overdue: a second event for the same due date
    TestClock.today(TODAY.plusDays(1));
    notices.scan();
    assertThat(stored(dueToday)).containsExactlyInAnyOrder("DUE_SOON " + TODAY, "OVERDUE " + TODAY);
    assertThat(stored(pastSoon)).containsExactly("DUE_SOON " + TODAY.plusDays(4));
    assertThat(auditActors(dueToday)).containsOnly(ObligationNotices.ACTOR);
  }

  @Test
  void twoScansAtOnceNotifyOnce() throws Exception {
    LocalDate day = TODAY.plusDays(40);
    TestClock.today(day);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(task(day.plusDays(i % 2), day.minusDays(40)));
      ids.add(task(day.minusDays(1 + i % 3), day.minusDays(40)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ObligationNotices.Scan>> scans = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        scans.add(
            pool.submit(
                () -> {
                  go.await();
                  return notices.scan();
                }));
      }
      go.countDown();
      int noticed = 0;
      for (Future<ObligationNotices.Scan> f : scans) {
        noticed += f.get(2, TimeUnit.MINUTES).noticed();
      }
      assertThat(noticed).isGreaterThanOrEqualTo(ids.size());
    } finally {
      pool.shutdown();
    }
    for (String id : ids) {
      assertThat(stored(id)).as(id).hasSize(1);
      // exactly one change-log entry and one audit event per notice
      assertThat(
              strings(
                  "select count(*) from change_log c join obligation_notice n on n.id = c.entity_id"
                      + " where n.obligation_id = ?",
                  UUID.fromString(id)))
          .containsExactly("1");
      assertThat(auditActors(id)).containsExactly(ObligationNotices.ACTOR);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** A task of the demo ward due on {@code due}, assigned forty days before {@link #TODAY}. */
  private static String task(LocalDate due) {
    return task(due, TODAY.minusDays(40));
  }

  private static String task(LocalDate due, LocalDate assigned) {
    Map<String, Object> b = new HashMap<>(TaskFixtures.body(WARD, due.toString()));
    b.put("title", "Thông báo nghĩa vụ " + UUID.randomUUID());
    b.put("assignedOn", assigned.toString());
    return ok(json("admin").body(b).post("/api/v1/tasks"), 201).jsonPath().getString("id");
  }

  private static Response transition(String id, String action, Map<String, Object> extra) {
    long version = json("admin").get("/api/v1/tasks/" + id).jsonPath().getLong("version");
    Map<String, Object> b = new HashMap<>(extra);
    b.put("action", action);
    return json("admin")
        .header("If-Match", "\"" + version + "\"")
        .body(b)
        .post("/api/v1/tasks/" + id + "/transitions");
  }

  private static Response ok(Response r, int status) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    return r;
  }

  /** The notices stored for an obligation, as "EVENT dueDate". */
  private List<String> stored(String obligationId) throws Exception {
    return strings(
        "select event || ' ' || due_date from obligation_notice where obligation_id = ?"
            + " order by created_at, event",
        UUID.fromString(obligationId));
  }

  /** The actors of the audit events of an obligation's notices. */
  private List<String> auditActors(String obligationId) throws Exception {
    return strings(
        "select a.actor from audit_event a join obligation_notice n on n.id = a.entity_id"
            + " where n.obligation_id = ?",
        UUID.fromString(obligationId));
  }

  private List<String> strings(String sql, Object arg) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, arg);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** Every notice of the feed {@code user} reads (of {@code unit} when given), by notice id. */
  private static Map<String, JsonNode> feed(String user, String unit) throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    String after = null;
    for (int page = 0; page < 1000; page++) {
      RequestSpecification r =
          as(user)
              .accept("application/json")
              .queryParam("types", TYPES)
              .queryParam("include", "record")
              .queryParam("limit", 500);
      if (unit != null) {
        r.queryParam("orgUnitId", unit);
      }
      if (after != null) {
        r.queryParam("after", after);
      }
      Response response = ok(r.get("/api/v1/changes"), 200);
      JsonNode body = JSON.readTree(response.asString());
      for (JsonNode item : body.path("items")) {
        out.put(item.path("entityId").asText(), item);
      }
      after = JsonPath.from(response.asString()).getString("next");
      if (body.path("items").isEmpty() || after == null) {
        break;
      }
    }
    return out;
  }

  /** The feed entry of the one notice of an obligation. */
  private static JsonNode entryOf(Map<String, JsonNode> feed, String obligationId) {
    List<JsonNode> found =
        feed.values().stream()
            .filter(e -> obligationId.equals(e.path("record").path("obligationId").asText()))
            .toList();
    assertThat(found).as("feed entries of " + obligationId).hasSize(1);
    return found.getFirst();
  }

  /** A webhook receiver on loopback that keeps every body it receives. */
  static final class Hook implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonNode> bodies = new ArrayList<>();

    Hook() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            JsonNode body =
                JSON.readTree(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (bodies) {
              bodies.add(body);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<JsonNode> received() {
      synchronized (bodies) {
        return List.copyOf(bodies);
      }
    }

    /** Waits for the delivery of {@code entityId} (the relay and the workers run on their own). */
    JsonNode await(String entityId) throws InterruptedException {
      long end = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < end) {
        for (JsonNode b : received()) {
          if (entityId.equals(b.path("entityId").asText())) {
            return b;
          }
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no delivery of " + entityId + "; got " + received());
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
