package vn.danvan.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances that never lose a change (issue 12 §5): a province (TP Hồ Chí Minh's system of
 * record) and the national instance, each the packaged application on its own embedded database,
 * kept in step by a sync agent written here that uses only the public API — the province's signed
 * webhooks and by-source upserts carry its tasks to the centre; the centre's change feed and
 * by-source upserts carry back what the centre assigns. Both sides write concurrently while faults
 * are injected: responses dropped after commit (the request is sent again), webhook deliveries
 * duplicated, feed pages applied twice (the cursor stored late), {@code kill -9} of either instance
 * mid-stream, and transaction ids pushed across a power of ten. At the end both hold the same
 * records, compared by content, with no loss and no duplicate.
 */
class TwoInstancesSyncIT {

  private static final String PROVINCE_SYSTEM = "HCM-EGOV";
  private static final String NATIONAL_SYSTEM = "NATIONAL";
  private static final int PROVINCE_TASKS = 500;
  private static final int NATIONAL_TASKS = 300;
  private static final int UPDATES_PER_SIDE = 200;

  /** Units of TP Hồ Chí Minh in the demo world (the same on both instances). */
  private static final List<UUID> LEAD_UNITS =
      List.of(
          UUID.fromString("00000000-0000-4000-8001-000000000079"),
          UUID.fromString("00000000-0000-4000-8004-000000026882"));

  private static final List<String> TASK_FIELDS =
      List.of(
          "title",
          "description",
          "leadUnitId",
          "responsiblePerson",
          "coordinatingUnitIds",
          "assigningUnitId",
          "assignedOn",
          "dueDate",
          "expectedResult",
          "priority",
          "weight");

  private static SyncInstance province;
  private static SyncInstance national;

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env =
        Map.of(
            "DANVAN_WEBHOOKS_ALLOWED_TARGETS", "127.0.0.1",
            "DANVAN_WEBHOOKS_RELAY_EVERY", "PT0.3S",
            "DANVAN_WEBHOOKS_DELIVER_EVERY", "PT0.2S",
            "DANVAN_WEBHOOKS_CLAIM_LEASE", "PT5S",
            "DANVAN_WEBHOOKS_BACKOFF_BASE", "PT0.2S",
            "DANVAN_WEBHOOKS_BACKOFF_CAP", "PT2S");
    province = new SyncInstance("province", env);
    national = new SyncInstance("national", env);
    province.start();
    national.start();
    province.awaitReady();
    national.awaitReady();
  }

  @AfterAll
  static void stop() throws Exception {
    if (province != null) {
      province.close();
    }
    if (national != null) {
      national.close();
    }
  }

  private void count(String what) {
    counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  @Test
  void bothInstancesHoldTheSameRecordsAfterFaults() throws Exception {
    String nationalStart = feedEnd(national);
    String provinceStart = feedEnd(province);
    Set<UUID> provinceOwn = ConcurrentHashMap.newKeySet();
    Set<UUID> nationalOwn = ConcurrentHashMap.newKeySet();

    // the province's tasks reach the agent as signed webhooks
    LinkedBlockingQueue<JsonNode> deliveries = new LinkedBlockingQueue<>();
    Set<String> seenDeliveryIds = ConcurrentHashMap.newKeySet();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String[] secret = new String[1];
    receiver.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
          String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
          int status;
          if (!verifies(secret[0], id, timestamp, body, signature)) {
            count("webhook: bad signature");
            status = 400;
          } else if (ThreadLocalRandom.current().nextInt(10) == 0) {
            // a receiver that fails now and then: the province retries
            count("webhook: refused by the receiver (retried)");
            status = 500;
          } else {
            count("webhook: received");
            if (!seenDeliveryIds.add(id)) {
              count("webhook: duplicate event id (deduplicated)");
            }
            JsonNode event = SyncInstance.JSON.readTree(body);
            deliveries.add(event);
            if (ThreadLocalRandom.current().nextInt(10) == 0) {
              count("webhook: duplicated by the fault injector");
              deliveries.add(event);
            }
            status = 204;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    try {
      SyncInstance.Answer subscription =
          province.call(
              "POST",
              "/api/v1/webhook-subscriptions",
              "integration",
              Map.of(
                  "url",
                  "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                  "eventTypes",
                  List.of("TASK"),
                  "description",
                  "Đồng bộ nhiệm vụ lên hệ thống quốc gia"),
              null);
      assertThat(subscription.status()).as(subscription.raw().body()).isEqualTo(201);
      secret[0] = subscription.json().get("secret").asText();

      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> generators = new ArrayList<>();
      generators.add(
          pool.submit(
              () -> generate(province, "hcm-manager", "Tỉnh", PROVINCE_TASKS, provinceOwn)));
      generators.add(
          pool.submit(
              () -> generate(national, "admin", "Trung ương", NATIONAL_TASKS, nationalOwn)));
      Future<?> push = pool.submit(() -> pushProvinceToNational(deliveries));
      Future<?> pull = pool.submit(() -> pullNationalToProvince(nationalStart));

      // faults while both sides write
      awaitCount(provinceOwn, PROVINCE_TASKS / 3);
      province.crashAndRestart();
      count("fault: kill -9 and restart of the province");
      long reached = national.pushTransactionIdsPastNextPowerOfTen();
      count("fault: national transaction ids pushed to " + reached);
      awaitCount(nationalOwn, NATIONAL_TASKS * 2 / 3);
      national.crashAndRestart();
      count("fault: kill -9 and restart of the centre");
      reached = province.pushTransactionIdsPastNextPowerOfTen();
      count("fault: province transaction ids pushed to " + reached);

      for (Future<?> g : generators) {
        g.get(10, TimeUnit.MINUTES);
      }

      // converged: every record of one side is on the other, by content, exactly once
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      Map<String, JsonNode> provinceCopies;
      Map<String, JsonNode> nationalCopies;
      while (true) {
        provinceCopies = copies(province, provinceStart, NATIONAL_SYSTEM);
        nationalCopies = copies(national, nationalStart, PROVINCE_SYSTEM);
        boolean done =
            equalContents(province, provinceOwn, nationalCopies)
                && equalContents(national, nationalOwn, provinceCopies);
        if (done || Instant.now().isAfter(deadline)) {
          break;
        }
        Thread.sleep(1000);
      }
      for (Future<?> agent : List.of(push, pull)) {
        if (agent.isDone()) {
          agent.get(); // an agent that stopped on a failed check shows it here
        }
        agent.cancel(true);
      }
      pool.shutdownNow();

      assertThat(nationalCopies.keySet())
          .as("the centre holds each provincial task once")
          .containsExactlyInAnyOrderElementsOf(provinceOwn.stream().map(UUID::toString).toList());
      assertThat(provinceCopies.keySet())
          .as("the province holds each central task once")
          .containsExactlyInAnyOrderElementsOf(nationalOwn.stream().map(UUID::toString).toList());
      assertThat(equalContents(province, provinceOwn, nationalCopies))
          .as("provincial tasks equal their central copies")
          .isTrue();
      assertThat(equalContents(national, nationalOwn, provinceCopies))
          .as("central tasks equal their provincial copies")
          .isTrue();
      counts.put("tasks made by the province", new AtomicLong(provinceOwn.size()));
      counts.put("tasks made by the centre", new AtomicLong(nationalOwn.size()));
      counts.put("copies at the centre", new AtomicLong(nationalCopies.size()));
      counts.put("copies at the province", new AtomicLong(provinceCopies.size()));
      counts.put(
          "requests sent again while an instance was down",
          new AtomicLong(province.transportRetries.get() + national.transportRetries.get()));
      System.out.println("TwoInstancesSyncIT counts:");
      new java.util.TreeMap<>(counts).forEach((k, v) -> System.out.println("  " + k + ": " + v));
    } finally {
      receiver.stop(0);
    }
  }

  /** Creates tasks by PUT with client-chosen ids (safe to resend), then edits some of them. */
  private void generate(
      SyncInstance instance, String user, String label, int tasks, Set<UUID> own) {
    try {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        UUID id = UUID.randomUUID();
        ObjectNode body = SyncInstance.JSON.createObjectNode();
        body.put(
            "title",
            label + " giao việc số " + i + ": tuyên truyền Luật Thực hiện dân chủ ở cơ sở");
        body.put("description", "Tổ chức hội nghị tuyên truyền cho cán bộ, nhân dân khu phố.");
        body.put("leadUnitId", LEAD_UNITS.get(i % LEAD_UNITS.size()).toString());
        body.put("responsiblePerson", "Chủ tịch UBND");
        body.put("dueDate", LocalDate.now().plusDays(30 + i % 60).toString());
        body.put("expectedResult", "Báo cáo kết quả tuyên truyền");
        putSurvivingDroppedResponses(instance, "/api/v1/tasks/" + id, user, body, null, 201);
        own.add(id);
        ids.add(id);
        count(label + ": tasks created");
      }
      for (int i = 0; i < UPDATES_PER_SIDE; i++) {
        UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        SyncInstance.Answer current = instance.get("/api/v1/tasks/" + id, user);
        ObjectNode body = requestOf(current.json());
        body.put(
            "title",
            current.json().get("title").asText().replaceAll(" \\(sửa \\d+\\)$", "")
                + " (sửa "
                + i
                + ")");
        putSurvivingDroppedResponses(
            instance, "/api/v1/tasks/" + id, user, body, current.header("ETag"), 200);
        count(label + ": tasks edited");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A PUT whose response may be lost after the commit: one time in eight the agent ignores the
   * answer and sends the same request again, as a client does after a timeout.
   */
  private SyncInstance.Answer putSurvivingDroppedResponses(
      SyncInstance instance, String path, String user, Object body, String etag, int expected)
      throws InterruptedException {
    Map<String, String> headers = etag == null ? null : SyncInstance.headers("If-Match", etag);
    SyncInstance.Answer answer = instance.call("PUT", path, user, body, headers);
    if (ThreadLocalRandom.current().nextInt(8) == 0) {
      count("fault: response dropped after commit, request sent again");
      answer = instance.call("PUT", path, user, body, headers);
      assertThat(answer.status()).as(answer.raw().body()).isIn(200, 201);
      return answer;
    }
    if (expected == 201 && answer.status() == 200) {
      // the instance was killed after committing an earlier attempt of this very request, before
      // answering: the transport's retry finds the task as sent, unchanged
      count("fault: create committed before a crash, retried: 200 unchanged");
      assertThat(answer.header("ETag")).isEqualTo("\"0\"");
      return answer;
    }
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(expected);
    return answer;
  }

  /** The province's webhook events, applied to the centre by source key (duplicates included). */
  private void pushProvinceToNational(LinkedBlockingQueue<JsonNode> deliveries) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        JsonNode event = deliveries.poll(1, TimeUnit.SECONDS);
        if (event == null) {
          continue;
        }
        JsonNode record = event.get("record");
        if (record == null
            || record.isNull()
            || !"UPSERT".equals(event.get("operation").asText())) {
          continue;
        }
        if (record.hasNonNull("sourceSystem")) {
          continue; // a central task the agent brought here: not the province's own
        }
        applyBySource(national, "integration", PROVINCE_SYSTEM, record, "push");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The centre's feed, applied to the province by source key; the cursor is stored late. */
  private void pullNationalToProvince(String start) {
    String cursor = start;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        SyncInstance.Answer page =
            national.get(
                "/api/v1/changes?types=TASK&include=record&limit=200&after="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                "admin");
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        for (JsonNode entry : page.json().get("items")) {
          JsonNode record = entry.get("record");
          if (record == null || record.isNull() || record.hasNonNull("sourceSystem")) {
            continue; // a tombstone, or a provincial task the agent brought to the centre
          }
          applyBySource(province, "admin", NATIONAL_SYSTEM, record, "pull");
        }
        if (ThreadLocalRandom.current().nextInt(6) == 0) {
          count("fault: feed page applied again (cursor stored late)");
          continue;
        }
        cursor = page.json().get("next").asText();
        if (page.json().get("items").isEmpty()) {
          Thread.sleep(300);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void applyBySource(
      SyncInstance target, String user, String system, JsonNode record, String direction)
      throws InterruptedException {
    ObjectNode body = requestOf(record);
    body.put("sourceVersion", record.get("version").asLong());
    String path = "/api/v1/tasks/by-source/" + system + "/" + record.get("id").asText();
    SyncInstance.Answer answer = target.call("PUT", path, user, body, null);
    if (ThreadLocalRandom.current().nextInt(8) == 0) {
      count("fault: response dropped after commit, request sent again");
      answer = target.call("PUT", path, user, body, null);
    }
    if (answer.status() == 409
        && "SOURCE_VERSION_CONFLICT".equals(answer.json().path("code").asText())) {
      count(direction + ": older version refused (409)");
      return;
    }
    assertThat(answer.status()).as(path + " " + answer.raw().body()).isIn(200, 201);
    count(direction + ": applied " + answer.status());
  }

  private static ObjectNode requestOf(JsonNode record) {
    ObjectNode body = SyncInstance.JSON.createObjectNode();
    for (String field : TASK_FIELDS) {
      if (record.hasNonNull(field)) {
        body.set(field, record.get(field));
      }
    }
    return body;
  }

  /** The feed's end now: the demo world both instances share is not synchronised. */
  private static String feedEnd(SyncInstance instance) throws InterruptedException {
    String cursor = null;
    while (true) {
      SyncInstance.Answer page =
          instance.get(
              "/api/v1/changes?types=TASK&include=record&limit=500"
                  + (cursor == null
                      ? ""
                      : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
              "admin");
      assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
      cursor = page.json().get("next").asText();
      if (page.json().get("items").isEmpty()) {
        return cursor;
      }
    }
  }

  /**
   * The latest record of every task copied from {@code system}, by source id, read from the feed
   * since {@code start}; a source id held by two records would show as a duplicate.
   */
  private static Map<String, JsonNode> copies(SyncInstance instance, String start, String system)
      throws InterruptedException {
    Map<String, JsonNode> byTask = new HashMap<>();
    String cursor = start;
    while (true) {
      SyncInstance.Answer page =
          instance.get(
              "/api/v1/changes?types=TASK&include=record&limit=500&after="
                  + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
              "admin");
      assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
      for (JsonNode entry : page.json().get("items")) {
        JsonNode record = entry.get("record");
        if (record != null && system.equals(record.path("sourceSystem").asText(null))) {
          byTask.put(entry.get("entityId").asText(), record);
        }
      }
      cursor = page.json().get("next").asText();
      if (page.json().get("items").isEmpty()) {
        break;
      }
    }
    Map<String, JsonNode> bySource = new HashMap<>();
    for (JsonNode record : byTask.values()) {
      JsonNode previous = bySource.put(record.get("sourceId").asText(), record);
      assertThat(previous).as("one copy per source record").isNull();
    }
    return bySource;
  }

  private static boolean equalContents(
      SyncInstance origin, Set<UUID> own, Map<String, JsonNode> copies)
      throws InterruptedException {
    if (copies.size() != own.size()) {
      return false;
    }
    for (UUID id : own) {
      JsonNode copy = copies.get(id.toString());
      if (copy == null) {
        return false;
      }
      JsonNode original = origin.get("/api/v1/tasks/" + id, "admin").json();
      if (!requestOf(original).equals(requestOf(copy))
          || original.get("version").asLong() != copy.get("sourceVersion").asLong()) {
        return false;
      }
    }
    return true;
  }

  private void awaitCount(Set<UUID> own, int n) throws InterruptedException {
    while (own.size() < n) {
      Thread.sleep(200);
    }
  }

  /** Standard Webhooks: v1,base64(HMAC-SHA256(secret, id.timestamp.body)). */
  private static boolean verifies(
      String secret, String id, String timestamp, byte[] body, String signatures) {
    if (secret == null || id == null || timestamp == null || signatures == null) {
      return false;
    }
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      for (String signature : signatures.split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(
                expected, Base64.getDecoder().decode(signature.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
