package vn.danvan.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.createDepartment;
import static vn.danvan.testing.Api.json;
import static vn.danvan.testing.Api.rename;
import static vn.danvan.testing.Api.unique;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/**
 * Webhooks (issue 12 §4) against a real HTTP receiver on loopback: signed requests, retries with
 * backoff, dead letters and redelivery, per-subscription order, scope, SSRF refusals, a worker that
 * dies mid-delivery.
 */
@QuarkusTest
class WebhookDeliveryTest {

  private static final String BASE = "/api/v1/webhook-subscriptions";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Inject DataSource dataSource;
  @Inject Scheduler scheduler;

  // ------------------------------------------------------------------ helpers

  private static Map<String, Object> body(
      String url, List<String> types, String unitId, String mode) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("url", url);
    b.put("eventTypes", types);
    if (unitId != null) {
      b.put("orgUnitId", unitId);
    }
    if (mode != null) {
      b.put("orgUnitMode", mode);
    }
    b.put("description", "Kiểm thử webhook");
    return b;
  }

  private static Response post(String user, Map<String, Object> body) {
    return json(user).body(body).post(BASE).then().extract().response();
  }

  /** A subscription of ORG_UNIT changes in a unit's subtree; returns the 201 body. */
  private static Map<String, Object> subscribe(String user, String url, String unitId) {
    Response r = post(user, body(url, List.of("ORG_UNIT"), unitId, "DESCENDANTS"));
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getMap("");
  }

  private static void unsubscribe(String user, Object id) {
    json(user).delete(BASE + "/" + id).then().statusCode(204);
  }

  private static List<Map<String, Object>> deliveries(String user, Object subId, String status) {
    var request = json(user).queryParam("limit", 500);
    if (status != null) {
      request.queryParam("status", status);
    }
    return request
        .get(BASE + "/" + subId + "/deliveries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static List<Map<String, Object>> awaitDeliveries(
      String user, Object subId, String status, Predicate<List<Map<String, Object>>> p)
      throws InterruptedException {
    long end = System.nanoTime() + PATIENCE.toNanos();
    List<Map<String, Object>> last = List.of();
    while (System.nanoTime() < end) {
      last = deliveries(user, subId, status);
      if (p.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("deliveries: condition not met; last " + last);
  }

  private static String department(String parent) {
    return createDepartment("admin", unique("Ban webhook"), parent).path("id");
  }

  /** The Standard Webhooks signature, computed here independently of the service. */
  private static String expectedSignature(String secret, Receiver.Request r) throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] sig =
        mac.doFinal(
            (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(sig);
  }

  private static Predicate<List<Receiver.Request>> has(String entityId) {
    return rs -> rs.stream().anyMatch(r -> entityId.equals(r.entityId()));
  }

  private long count(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  // ------------------------------------------------------------------ tests

  @Test
  void signedDeliveryWithTheSecretShownOnce() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Map<String, Object> created = subscribe("admin", receiver.url(), HO_CHI_MINH);
      String id = (String) created.get("id");
      String secret = (String) created.get("secret");
      try {
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 32);
        assertThat(created).containsEntry("owner", "admin").containsEntry("url", receiver.url());
        // never again: not in GET, not in the list, not in the audit trail nor the database
        Response get = json("admin").get(BASE + "/" + id);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.asString()).doesNotContain("secret").doesNotContain(secret);
        assertThat(get.header("ETag")).isEqualTo("\"0\"");
        assertThat(json("admin").queryParam("limit", 500).get(BASE).asString())
            .doesNotContain(secret)
            .contains(id);
        assertThat(count("select count(*) from audit_event where after::text like ?", "%whsec_%"))
            .isZero();
        assertThat(
                count(
                    "select count(*) from webhook_subscription where id = ?::uuid"
                        + " and position(convert_to(?, 'UTF8') in secret) > 0",
                    id,
                    secret))
            .isZero();
        assertThat(Api.feedEntries("WEBHOOK_SUBSCRIPTION", id)).hasSize(1);

        String unit = department(HO_CHI_MINH);
        List<Receiver.Request> got = receiver.await(has(unit), PATIENCE);
        Receiver.Request r = got.stream().filter(x -> unit.equals(x.entityId())).findFirst().get();
        assertThat(r.id()).startsWith("msg_");
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(Long.parseLong(r.timestamp()))
            .isBetween(
                System.currentTimeMillis() / 1000 - 60, System.currentTimeMillis() / 1000 + 5);
        assertThat(r.signature()).isEqualTo(expectedSignature(secret, r));
        var payload = r.json();
        assertThat(payload.path("id").asText()).isEqualTo(r.id());
        assertThat(payload.path("type").asText()).isEqualTo("ORG_UNIT");
        assertThat(payload.path("operation").asText()).isEqualTo("UPSERT");
        assertThat(payload.path("entityId").asText()).isEqualTo(unit);
        assertThat(payload.path("version").asLong()).isEqualTo(0);
        assertThat(payload.path("unitId").asText()).isEqualTo(unit);
        assertThat(payload.path("changedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        if (payload.has("record")) {
          assertThat(payload.path("record").path("id").asText()).isEqualTo(unit);
        }
        List<Map<String, Object>> delivered =
            awaitDeliveries(
                "admin",
                id,
                "DELIVERED",
                ds -> ds.stream().anyMatch(d -> unit.equals(d.get("entityId"))));
        Map<String, Object> d =
            delivered.stream().filter(x -> unit.equals(x.get("entityId"))).findFirst().get();
        assertThat(d)
            .containsEntry("eventId", r.id())
            .containsEntry("attempts", 1)
            .containsEntry("lastStatusCode", 204);
      } finally {
        unsubscribe("admin", id);
      }
      assertThat(Api.feedEntries("WEBHOOK_SUBSCRIPTION", id))
          .extracting(e -> e.get("operation"))
          .containsExactly("UPSERT", "DELETE");
      json("admin").get(BASE + "/" + id).then().statusCode(404);
    }
  }

  @Test
  void recordsAreRenderedAsTheOwnerMaySeeThem() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Response r =
          post("integration", body(receiver.url(), List.of("WEBHOOK_SUBSCRIPTION"), null, null));
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
      String id = r.path("id");
      String own = null;
      String admins = null;
      try {
        // the integration client's own subscription: it may read it, so the record is there
        own =
            post("integration", body(receiver.url() + "?own", List.of("TASK"), null, null))
                .path("id");
        // an admin's subscription in TP HCM: the change is in the client's scope, the record not
        admins =
            post("admin", body(receiver.url() + "?admin", List.of("TASK"), HO_CHI_MINH, null))
                .path("id");
        String ownId = own;
        String adminId = admins;
        receiver.await(has(ownId).and(has(adminId)), PATIENCE);
        var ownPayload = receiver.requests(x -> ownId.equals(x.entityId())).get(0).json();
        assertThat(ownPayload.path("record").path("id").asText()).isEqualTo(ownId);
        assertThat(ownPayload.path("record").path("owner").asText()).isEqualTo("integration");
        assertThat(ownPayload.path("record").has("secret")).isFalse();
        var adminPayload = receiver.requests(x -> adminId.equals(x.entityId())).get(0).json();
        assertThat(adminPayload.has("record")).isFalse();
        assertThat(adminPayload.path("unitId").asText()).isEqualTo(HO_CHI_MINH);
      } finally {
        unsubscribe("integration", id);
        if (own != null) {
          unsubscribe("integration", own);
        }
        if (admins != null) {
          unsubscribe("admin", admins);
        }
      }
    }
  }

  @Test
  void aFailingReceiverIsRetriedWithBackoffUntilItRecovers() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String parent = department(HO_CHI_MINH);
      Map<String, Object> sub = subscribe("admin", receiver.url(), parent);
      try {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(x -> calls.incrementAndGet() <= 2 ? 500 : 200);
        String unit = department(parent);
        receiver.await(rs -> rs.size() >= 3, PATIENCE);
        List<Receiver.Request> got = receiver.requests();
        assertThat(got).extracting(Receiver.Request::entityId).containsOnly(unit);
        assertThat(got).extracting(Receiver.Request::id).containsOnly(got.get(0).id());
        // backoff: base 0.2 s, doubled, half of it jitter: ≥ 0.1 s, then ≥ 0.2 s
        assertThat(got.get(1).at() - got.get(0).at()).isGreaterThanOrEqualTo(90_000_000L);
        assertThat(got.get(2).at() - got.get(1).at()).isGreaterThanOrEqualTo(190_000_000L);
        List<Map<String, Object>> ds =
            awaitDeliveries("admin", sub.get("id"), "DELIVERED", l -> l.size() == 1);
        assertThat(ds.get(0)).containsEntry("attempts", 3).containsEntry("lastStatusCode", 200);
        assertThat(ds.get(0).get("lastError")).isNull();
      } finally {
        unsubscribe("admin", sub.get("id"));
      }
    }
  }

  @Test
  void anAlwaysFailingReceiverDeadLettersThenRedeliverWorks() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String parent = department(HO_CHI_MINH);
      receiver.answer(x -> 503);
      Map<String, Object> sub = subscribe("admin", receiver.url(), parent);
      Object id = sub.get("id");
      try {
        String unit = department(parent);
        List<Map<String, Object>> dead = awaitDeliveries("admin", id, "DEAD", l -> l.size() == 1);
        assertThat(dead.get(0))
            .containsEntry("entityId", unit)
            .containsEntry("attempts", 3)
            .containsEntry("lastStatusCode", 503)
            .containsEntry("lastError", "HTTP 503");
        assertThat(receiver.requests()).hasSize(3);
        assertThat(deliveries("admin", id, "PENDING")).isEmpty();

        receiver.answer(x -> 200);
        Response again =
            json("admin")
                .post(BASE + "/" + id + "/deliveries/" + dead.get(0).get("id") + "/redeliver");
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
        assertThat(again.jsonPath().getString("eventId")).isEqualTo(dead.get(0).get("eventId"));
        assertThat(again.jsonPath().getString("status")).isEqualTo("PENDING");
        receiver.await(rs -> rs.size() == 4, PATIENCE);
        assertThat(receiver.requests().get(3).id()).isEqualTo(dead.get(0).get("eventId"));
        awaitDeliveries("admin", id, "DELIVERED", l -> l.size() == 1);
        // the dead letter stays as it was
        assertThat(deliveries("admin", id, "DEAD")).hasSize(1);
        assertProblem(
            json("admin").post(BASE + "/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver"),
            404,
            "NOT_FOUND");
        assertProblem(
            json("admin").queryParam("status", "LOST").get(BASE + "/" + id + "/deliveries"),
            400,
            "INVALID_PARAMETER");
      } finally {
        unsubscribe("admin", id);
      }
    }
  }

  @Test
  void deliveriesOfOneSubscriptionKeepTheFeedOrder() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String parent = department(HO_CHI_MINH);
      Map<String, Object> sub = subscribe("admin", receiver.url(), parent);
      try {
        // the first change fails twice: nothing after it may arrive before it succeeds
        Map<String, Integer> failures = new HashMap<>();
        List<String> units = new ArrayList<>();
        receiver.answer(
            x -> {
              synchronized (failures) {
                if (!units.isEmpty() && units.get(0).equals(x.entityId())) {
                  return failures.merge(x.entityId(), 1, Integer::sum) <= 2 ? 500 : 200;
                }
              }
              return 200;
            });
        synchronized (failures) {
          units.add(department(parent));
        }
        for (int i = 0; i < 5; i++) {
          units.add(department(parent));
        }
        String first = units.get(0);
        receiver.await(rs -> rs.size() >= units.size() + 2, PATIENCE);
        List<String> arrived =
            receiver.requests().stream().map(Receiver.Request::entityId).toList();
        assertThat(arrived.subList(0, 3)).containsOnly(first);
        assertThat(arrived.subList(3, arrived.size()))
            .containsExactlyElementsOf(units.subList(1, units.size()));
      } finally {
        unsubscribe("admin", sub.get("id"));
      }
    }
  }

  @Test
  void anotherProvincesChangesNeverReachAnHcmSubscription() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Response r = post("integration", body(receiver.url(), List.of("ORG_UNIT"), null, null));
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
      String id = r.path("id");
      try {
        String hanoi = department(HA_NOI);
        String hcm = department(HO_CHI_MINH);
        receiver.await(has(hcm), PATIENCE);
        // feed order: the Hà Nội change came first, it would have arrived first
        assertThat(receiver.requests(x -> hanoi.equals(x.entityId()))).isEmpty();
        assertThat(deliveries("integration", id, null))
            .extracting(d -> d.get("entityId"))
            .doesNotContain(hanoi);
        // a subscription cannot reach outside its creator's scope, nor see others' subscriptions
        assertProblem(
            post("integration", body(receiver.url(), List.of(), HA_NOI, "DESCENDANTS")),
            422,
            "UNKNOWN_UNIT");
        assertProblem(json("integration-hn").get(BASE + "/" + id), 404, "NOT_FOUND");
        assertProblem(json("integration-hn").delete(BASE + "/" + id), 404, "NOT_FOUND");
        assertThat(json("integration-hn").queryParam("limit", 500).get(BASE).asString())
            .doesNotContain(id);
        assertThat(json("admin").queryParam("limit", 500).get(BASE).asString()).contains(id);
        assertProblem(json("hcm-manager").get(BASE), 403, "FORBIDDEN");
      } finally {
        unsubscribe("integration", id);
      }
    }
  }

  @Test
  void internalTargetsAreRefused() {
    for (String url :
        List.of(
            "http://10.0.0.1/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/",
            "http://100.64.1.1/",
            "http://192.168.1.10:8080/hook",
            "http://[::1]:8080/hook",
            "http://0.0.0.0/",
            "http://localhost:8080/hook")) {
      Response r = post("admin", body(url, List.of(), null, null));
      assertProblem(r, 422, "WEBHOOK_TARGET_NOT_ALLOWED");
      assertThat(r.jsonPath().getString("errors[0].pointer")).as(url).isEqualTo("/url");
    }
    for (String url :
        List.of(
            "ftp://example.org/x", "/relative", "http://user:pw@127.0.0.1/x", "không phải url")) {
      Response r = post("admin", body(url, List.of(), null, null));
      assertProblem(r, 400, "VALIDATION_FAILED");
      assertThat(r.jsonPath().getString("errors[0].pointer")).as(url).isEqualTo("/url");
    }
    Response types =
        post("admin", body("http://127.0.0.1:9/hook", List.of("ORG_UNIT", "BOGUS"), null, null));
    assertProblem(types, 400, "VALIDATION_FAILED");
    assertThat(types.jsonPath().getString("errors[0].pointer")).isEqualTo("/eventTypes/1");
    Response mode = post("admin", body("http://127.0.0.1:9/hook", List.of(), null, "DESCENDANTS"));
    assertProblem(mode, 400, "VALIDATION_FAILED");
    assertThat(mode.jsonPath().getString("errors[0].pointer")).isEqualTo("/orgUnitId");
    assertProblem(
        post(
            "admin",
            body("http://127.0.0.1:9/hook", List.of(), UUID.randomUUID().toString(), null)),
        422,
        "UNKNOWN_UNIT");
  }

  @Test
  void aNameResolvingToLoopbackIsRefusedAtCreationAndAtDelivery() throws Exception {
    Map<String, String> dns = new HashMap<>();
    dns.put("hooks.rebind.test", "127.0.0.1");
    QuarkusMock.installMockForType(
        new HostResolver() {
          @Override
          public List<InetAddress> resolve(String host) throws UnknownHostException {
            String a = dns.get(host);
            if (a == null) {
              throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(a));
          }
        },
        HostResolver.class);
    Response refused = post("admin", body("http://hooks.rebind.test/hook", List.of(), null, null));
    assertProblem(refused, 422, "WEBHOOK_TARGET_NOT_ALLOWED");
    assertThat(refused.jsonPath().getString("errors[0].pointer")).isEqualTo("/url");
    assertProblem(
        post("admin", body("http://nowhere.rebind.test/hook", List.of(), null, null)),
        422,
        "WEBHOOK_TARGET_NOT_ALLOWED");

    // public when subscribed, loopback when delivered (DNS rebinding): never sent
    dns.put("hooks.rebind.test", "93.184.215.14");
    String parent = department(HO_CHI_MINH);
    Map<String, Object> sub = subscribe("admin", "http://hooks.rebind.test/hook", parent);
    try {
      dns.put("hooks.rebind.test", "127.0.0.1");
      department(parent);
      List<Map<String, Object>> dead =
          awaitDeliveries("admin", sub.get("id"), "DEAD", l -> l.size() == 1);
      assertThat((String) dead.get(0).get("lastError")).contains("not allowed");
      assertThat(dead.get(0).get("lastStatusCode")).isNull();
    } finally {
      unsubscribe("admin", sub.get("id"));
    }
  }

  @Test
  void aWorkerThatDiesMidDeliveryLosesNothing() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String parent = department(HO_CHI_MINH);
      Map<String, Object> sub = subscribe("admin", receiver.url(), parent);
      Object id = sub.get("id");
      List<String> units = new ArrayList<>();
      scheduler.pause("webhook-deliver");
      try {
        for (int i = 0; i < 5; i++) {
          units.add(department(parent));
        }
        awaitDeliveries("admin", id, "PENDING", l -> l.size() == 5);
        // a worker claimed the first delivery, counted the attempt and died before finishing
        try (Connection c = dataSource.getConnection();
            PreparedStatement s =
                c.prepareStatement(
                    "update webhook_delivery set claim_token = gen_random_uuid(),"
                        + " claimed_until = now() + interval '3 seconds', attempts = 1"
                        + " where id = (select id from webhook_delivery where subscription_id ="
                        + " ?::uuid order by ord limit 1)")) {
          s.setString(1, id.toString());
          assertThat(s.executeUpdate()).isEqualTo(1);
        }
      } finally {
        scheduler.resume("webhook-deliver");
      }
      long resumed = System.nanoTime();
      receiver.await(rs -> rs.size() >= 5, PATIENCE);
      List<Receiver.Request> got = receiver.requests();
      // the claimed one blocks its subscription until the claim expires, then goes first
      assertThat(got.get(0).at() - resumed).isGreaterThan(1_000_000_000L);
      assertThat(got).extracting(Receiver.Request::entityId).containsExactlyElementsOf(units);
      List<Map<String, Object>> ds = awaitDeliveries("admin", id, "DELIVERED", l -> l.size() == 5);
      assertThat(ds.get(ds.size() - 1)).containsEntry("attempts", 2);
      unsubscribe("admin", id);
    }
  }

  @Test
  void replayFromAFeedPositionRedeliversWithTheSameEventIds() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String parent = department(HO_CHI_MINH);
      Map<String, Object> sub = subscribe("admin", receiver.url(), parent);
      Object id = sub.get("id");
      try {
        String start = (String) sub.get("cursor");
        // the feed's own position now, read with another filter: a feed position is global
        Response feedNow =
            json("admin").queryParam("types", "WEBHOOK_SUBSCRIPTION").get("/api/v1/changes");
        assertThat(feedNow.statusCode()).as(feedNow.asString()).isEqualTo(200);
        String feedNext = feedNow.jsonPath().getString("next");
        String unit = department(parent);
        rename("admin", unit, 0, unique("Ban đổi tên"));
        receiver.await(rs -> rs.size() == 2, PATIENCE);
        List<String> ids = receiver.requests().stream().map(Receiver.Request::id).toList();
        Response replay =
            json("admin").queryParam("after", start).post(BASE + "/" + id + "/replay");
        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(200);
        assertThat(replay.jsonPath().getString("cursor")).isEqualTo(start);
        receiver.await(rs -> rs.size() == 4, PATIENCE);
        assertThat(receiver.requests().subList(2, 4))
            .extracting(Receiver.Request::id)
            .containsExactlyElementsOf(ids);
        // rewound to a next of GET /api/v1/changes: the same two changes, the same event ids
        Response fromFeed =
            json("admin").queryParam("after", feedNext).post(BASE + "/" + id + "/replay");
        assertThat(fromFeed.statusCode()).as(fromFeed.asString()).isEqualTo(200);
        receiver.await(rs -> rs.size() == 6, PATIENCE);
        assertThat(receiver.requests().subList(4, 6))
            .extracting(Receiver.Request::id)
            .containsExactlyElementsOf(ids);
        assertProblem(
            json("admin").queryParam("after", "nonsense").post(BASE + "/" + id + "/replay"),
            400,
            "INVALID_CURSOR");
      } finally {
        unsubscribe("admin", id);
      }
    }
  }

  /** Not a timed assertion: prints deliveries/s to a loopback receiver. */
  @Test
  void deliveryThroughput() throws Exception {
    int changes = 300;
    int subscribers = 4;
    try (Receiver receiver = new Receiver()) {
      String parent = department(HO_CHI_MINH);
      List<Object> subs = new ArrayList<>();
      for (int i = 0; i < subscribers; i++) {
        subs.add(subscribe("admin", receiver.url() + "?s=" + i, parent).get("id"));
      }
      String unit = department(parent);
      scheduler.pause("webhook-deliver");
      try {
        for (int v = 0; v < changes - 1; v++) {
          rename("admin", unit, v, unique("Ban " + v));
        }
        for (Object s : subs) {
          awaitDeliveries("admin", s, "PENDING", l -> l.size() == changes);
        }
      } finally {
        scheduler.resume("webhook-deliver");
      }
      long t0 = System.nanoTime();
      receiver.await(rs -> rs.size() >= changes * subscribers, Duration.ofSeconds(120));
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "Webhook delivery: %d deliveries (%d subscriptions x %d changes) in %.2f s = %.0f/s"
              + " (%.0f/s per subscription, one in flight each)%n",
          changes * subscribers,
          subscribers,
          changes,
          seconds,
          changes * subscribers / seconds,
          changes / seconds);
      for (int i = 0; i < subscribers; i++) {
        String query = "s=" + i;
        // one subscription's deliveries arrive in the order of the record's versions
        List<Long> versions =
            receiver.requests(r -> query.equals(r.query())).stream()
                .map(r -> r.json().path("version").asLong())
                .toList();
        assertThat(versions).hasSize(changes).isSorted().doesNotHaveDuplicates();
      }
      for (Object s : subs) {
        unsubscribe("admin", s);
      }
    }
  }
}
