package vn.danvan.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.department;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.danvan.orgunit.CreateOrgUnitRequest;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.security.CurrentUser;

/** Idempotency-Key on POST: a retry replays the first answer and never creates twice (§8). */
@QuarkusTest
class IdempotencyTest {

  private static final String PATH = "/api/v1/org-units";

  @Inject Idempotency idempotency;
  @Inject OrgUnitService units;
  @Inject CurrentUser user;
  @Inject EntityManager em;

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

  /** Makes the record of {@code key} look {@code hours} old. */
  private void age(String key, int hours) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update idempotency_record set created_at = now() - make_interval(hours => :h)"
                            + " where idem_key = :k")
                    .setParameter("h", hours)
                    .setParameter("k", key)
                    .executeUpdate());
  }

  @Test
  void aKeyOlderThanTheRetentionIsANewKeyAndThePurgeRemovesIt() {
    String marker = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();
    assertThat(post("hcm-manager", key, department("Phòng A " + marker, HO_CHI_MINH)).statusCode())
        .isEqualTo(201);
    // within the retention the key is taken: another body is refused
    assertThat(post("hcm-manager", key, department("Phòng B " + marker, HO_CHI_MINH)).statusCode())
        .isEqualTo(422);
    // after it, the key is free again
    age(key, 25);
    Response again = post("hcm-manager", key, department("Phòng B " + marker, HO_CHI_MINH));
    assertThat(again.statusCode()).as(again.asString()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isNull();
    assertThat(idsMatching("hcm-manager", marker)).hasSize(2);

    String fresh = UUID.randomUUID().toString();
    assertThat(
            post("hcm-manager", fresh, department("Phòng C " + marker, HO_CHI_MINH)).statusCode())
        .isEqualTo(201);
    age(key, 25);
    assertThat(idempotency.purgeExpired()).isPositive();
    assertThat(records("idem_key", key)).isZero();
    assertThat(records("idem_key", fresh)).isOne();
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

  // ------------------------------------------------- the record and the action share a transaction

  @Test
  void anActionThatFailsAfterItsWorkLeavesNothingAndTheRetryRunsAtOnce() {
    String marker = UUID.randomUUID().toString();
    String principal = "idempotency-test-" + marker;
    String key = UUID.randomUUID().toString();
    CreateOrgUnitRequest request = request("Phòng Đổ vỡ " + marker);

    assertThatThrownBy(
            () ->
                asSystem(
                    () ->
                        idempotency.run(
                            principal,
                            key,
                            PATH,
                            request,
                            OrgUnitResponse.class,
                            () -> {
                              units.create(request);
                              throw new IllegalStateException("the process dies here");
                            })))
        .hasMessageContaining("the process dies here");

    assertThat(records("principal", principal)).as("idempotency records").isZero();
    assertThat(idsMatching("hcm-manager", marker)).as("the action's work is undone").isEmpty();
    assertRetryRunsAtOnce(principal, key, request, marker);
  }

  @Test
  void aResponseThatCannotBeRecordedUndoesTheActionAndTheRetryRunsAtOnce() {
    String marker = UUID.randomUUID().toString();
    String principal = "idempotency-test-" + marker;
    String key = UUID.randomUUID().toString();
    CreateOrgUnitRequest request = request("Phòng Mất ghi " + marker);

    // the action commits nothing on its own: a failure while its response is recorded (here:
    // the response cannot be stored) is a failure of the action, as a crash at that point is
    assertThatThrownBy(
            () ->
                asSystem(
                    () ->
                        idempotency.run(
                            principal,
                            key,
                            PATH,
                            request,
                            Unrecordable.class,
                            () -> RestResponse.ok(new Unrecordable(units.create(request))))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(records("principal", principal)).as("idempotency records").isZero();
    assertThat(idsMatching("hcm-manager", marker)).as("the action's work is undone").isEmpty();
    assertRetryRunsAtOnce(principal, key, request, marker);
  }

  @Test
  void concurrentDuplicatesOfASlowActionWaitAndReplayIt() throws Exception {
    String marker = UUID.randomUUID().toString();
    String principal = "idempotency-test-" + marker;
    String key = UUID.randomUUID().toString();
    CreateOrgUnitRequest request = request("Phòng Chậm " + marker);
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<RestResponse<OrgUnitResponse>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return asSystem(
                      () ->
                          idempotency.run(
                              principal,
                              key,
                              PATH,
                              request,
                              OrgUnitResponse.class,
                              () -> {
                                OrgUnitResponse created = units.create(request);
                                sleep(500); // the others arrive while this one holds the key
                                return Responses.created(PATH, created);
                              }));
                }));
      }
      go.countDown();
      List<RestResponse<OrgUnitResponse>> responses = new ArrayList<>();
      for (Future<RestResponse<OrgUnitResponse>> f : futures) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }

      assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(201));
      assertThat(responses.stream().map(r -> r.getEntity().id()).distinct()).hasSize(1);
      assertThat(responses.stream().filter(r -> r.getHeaderString("Idempotency-Replayed") == null))
          .as("exactly one ran the action")
          .hasSize(1);
      assertThat(idsMatching("hcm-manager", marker))
          .containsExactly(responses.get(0).getEntity().id().toString());
      assertThat(records("principal", principal)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertRetryRunsAtOnce(
      String principal, String key, CreateOrgUnitRequest request, String marker) {
    long started = System.nanoTime();
    RestResponse<OrgUnitResponse> retry =
        asSystem(
            () ->
                idempotency.run(
                    principal,
                    key,
                    PATH,
                    request,
                    OrgUnitResponse.class,
                    () -> Responses.created(PATH, units.create(request))));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(retry.getStatus()).isEqualTo(201);
    assertThat(retry.getHeaderString("Idempotency-Replayed")).isNull();
    assertThat(millis).as("the retry did not wait for the failed attempt").isLessThan(5_000);
    assertThat(idsMatching("hcm-manager", marker))
        .containsExactly(retry.getEntity().id().toString());
    assertThat(records("principal", principal)).isEqualTo(1);
  }

  private static CreateOrgUnitRequest request(String name) {
    return new CreateOrgUnitRequest(
        null, OrgUnitKind.DEPARTMENT, name, null, null, UUID.fromString(HO_CHI_MINH), null);
  }

  /** Runs {@code work} as the service itself, in a request context of its own (any thread). */
  private <T> T asSystem(Supplier<T> work) {
    ManagedContext context = Arc.container().requestContext();
    boolean activated = !context.isActive();
    if (activated) {
      context.activate();
    }
    try {
      user.actAsSystem("system:idempotency-test");
      return work.get();
    } finally {
      if (activated) {
        context.terminate();
      }
    }
  }

  /** The idempotency records whose {@code column} (principal or idem_key) is {@code value}. */
  private long records(String column, String value) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from idempotency_record where " + column + " = :v")
                            .setParameter("v", value)
                            .getSingleResult())
                    .longValue());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response whose body cannot be written, to fail the recording of a completed action. */
  public static final class Unrecordable {
    private final OrgUnitResponse unit;

    Unrecordable(OrgUnitResponse unit) {
      this.unit = unit;
    }

    public OrgUnitResponse getUnit() {
      return unit;
    }

    public String getBroken() {
      throw new IllegalStateException("cannot be written");
    }
  }
}
