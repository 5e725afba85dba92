package vn.danvan.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.department;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Idempotency-Key on POST: a retry replays the first answer and never creates twice (§8). */
@QuarkusTest
class IdempotencyTest {

  private static Response post(String user, String key, Object body) {
    return as(user)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post(ORG_UNITS);
  }

  /** Units visible to the user whose name, short name or code contains {@code marker}. */
  private static List<String> idsMatching(String user, String marker) {
    return as(user)
        .queryParam("q", marker)
        .get(ORG_UNITS)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", String.class);
  }

  @Test
  void retryWithTheSameBodyReplaysTheFirstResponse() {
    String marker = UUID.randomUUID().toString();
    Map<String, Object> body = department("Phòng Tiếp dân " + marker, HO_CHI_MINH);
    String key = UUID.randomUUID().toString();

    Response first = post("hcm-manager", key, body);
    Response second = post("hcm-manager", key, body);

    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(first.header("Idempotency-Replayed")).isNull();
    assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
    assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(second.contentType()).startsWith("application/json");
    String id = first.path("id");
    assertThat((String) second.path("id")).isEqualTo(id);
    assertThat(second.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
    assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    assertThat(idsMatching("hcm-manager", marker)).containsExactly(id);
  }

  @Test
  void sameBodyWithKeysInAnotherOrderIsTheSameRequest() {
    String marker = UUID.randomUUID().toString();
    String name = "Phòng Thứ tự " + marker;
    String key = UUID.randomUUID().toString();
    String one =
        "{\"kind\":\"DEPARTMENT\",\"name\":\"" + name + "\",\"parentId\":\"" + HO_CHI_MINH + "\"}";
    String other =
        "{\"parentId\":\"" + HO_CHI_MINH + "\",\"name\":\"" + name + "\",\"kind\":\"DEPARTMENT\"}";

    Response first = post("hcm-manager", key, one);
    Response second = post("hcm-manager", key, other);

    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
    assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat((String) second.path("id")).isEqualTo(first.path("id"));
    assertThat(idsMatching("hcm-manager", marker)).hasSize(1);
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    String marker = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();
    Response first = post("hcm-manager", key, department("Phòng A " + marker, HO_CHI_MINH));
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);

    Response other = post("hcm-manager", key, department("Phòng B " + marker, HO_CHI_MINH));

    assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(idsMatching("hcm-manager", marker)).containsExactly((String) first.path("id"));
  }

  @Test
  void concurrentRetriesCreateExactlyOnce() throws Exception {
    String marker = UUID.randomUUID().toString();
    Map<String, Object> body = department("Phòng Đồng thời " + marker, HO_CHI_MINH);
    String key = UUID.randomUUID().toString();
    int clients = 16;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return post("hcm-manager", key, body);
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> f : futures) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }

      for (Response r : responses) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
      }
      List<String> ids = responses.stream().map(r -> r.<String>path("id")).distinct().toList();
      assertThat(ids).hasSize(1);
      assertThat(responses.stream().filter(r -> r.header("Idempotency-Replayed") == null))
          .as("exactly one request ran, the others were replays")
          .hasSize(1);
      assertThat(idsMatching("hcm-manager", marker)).containsExactlyElementsOf(ids);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keysBelongToTheirCaller() {
    String marker = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();

    Response manager = post("hcm-manager", key, department("Phòng M " + marker, HO_CHI_MINH));
    Response admin = post("admin", key, department("Phòng Q " + marker, HO_CHI_MINH));
    Response adminAgain = post("admin", key, department("Phòng Q " + marker, HO_CHI_MINH));

    assertThat(manager.statusCode()).as(manager.asString()).isEqualTo(201);
    assertThat(admin.statusCode()).as(admin.asString()).isEqualTo(201);
    assertThat(admin.header("Idempotency-Replayed")).isNull();
    assertThat((String) admin.path("id")).isNotEqualTo(manager.path("id"));
    assertThat(adminAgain.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat((String) adminAgain.path("id")).isEqualTo(admin.path("id"));
    assertThat(idsMatching("admin", marker))
        .containsExactlyInAnyOrder(manager.path("id"), admin.path("id"));
  }

  @Test
  void sameBodyWithoutAKeyCreatesEachTime() {
    String marker = UUID.randomUUID().toString();
    Map<String, Object> body = department("Phòng Không khóa " + marker, HO_CHI_MINH);
    for (int i = 0; i < 2; i++) {
      as("hcm-manager")
          .contentType(ContentType.JSON)
          .body(body)
          .post(ORG_UNITS)
          .then()
          .statusCode(201);
    }
    assertThat(idsMatching("hcm-manager", marker)).hasSize(2);
  }

  @Test
  void failedAttemptLeavesTheKeyFree() {
    String marker = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();
    String unknownParent = UUID.randomUUID().toString();

    Response failed = post("hcm-manager", key, department("Phòng Lỗi " + marker, unknownParent));
    Response corrected = post("hcm-manager", key, department("Phòng Lỗi " + marker, HO_CHI_MINH));

    assertThat(failed.statusCode()).as(failed.asString()).isEqualTo(422);
    assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(201);
    assertThat(corrected.header("Idempotency-Replayed")).isNull();
    assertThat(idsMatching("hcm-manager", marker)).containsExactly((String) corrected.path("id"));
  }

  static List<String> invalidKeys() {
    return List.of("k".repeat(300), "k".repeat(201), "a\tb");
  }

  @ParameterizedTest
  @MethodSource("invalidKeys")
  void invalidKeyIsRefusedBeforeAnythingIsCreated(String key) {
    String marker = UUID.randomUUID().toString();
    Response response =
        post("hcm-manager", key, department("Phòng Khóa sai " + marker, HO_CHI_MINH));
    assertProblem(response, 400, "INVALID_IDEMPOTENCY_KEY");
    assertThat(idsMatching("hcm-manager", marker)).isEmpty();
  }

  @Test
  void emptyKeyIsRefusedBeforeAnythingIsCreated() {
    String marker = UUID.randomUUID().toString();
    Response response =
        post("hcm-manager", " ", department("Phòng Khóa rỗng " + marker, HO_CHI_MINH));
    assertProblem(response, 400, "INVALID_IDEMPOTENCY_KEY");
    assertThat(idsMatching("hcm-manager", marker)).isEmpty();
  }
}
