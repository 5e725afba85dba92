package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;
import vn.danvan.testing.Api;

/**
 * The TASK import target, called as the import framework calls it (through CDI, in a transaction):
 * created, updated, unchanged and failed items side by side, failures leave the rest of the batch
 * written, each written item with its audit event and change-feed entry. And the feed's records of
 * tasks.
 */
@QuarkusTest
class TaskImportTargetTest {

  private static final String SYSTEM = "TEST-SRC";

  @Inject @Any Instance<ImportTarget<?>> targets;
  @Inject @Any Instance<FeedRecordSource> feedSources;
  @Inject CurrentUser user;
  @Inject TaskRepository repo;

  @SuppressWarnings("unchecked")
  private ImportTarget<TaskImportItem> target() {
    return (ImportTarget<TaskImportItem>)
        targets.stream().filter(t -> t.type().equals("TASK")).findFirst().orElseThrow();
  }

  private <T> T asSystem(Supplier<T> work) {
    ManagedContext rc = Arc.container().requestContext();
    rc.activate();
    try {
      user.actAsSystem("system:import-test");
      return QuarkusTransaction.requiringNew().call(work::get);
    } finally {
      rc.terminate();
    }
  }

  static TaskImportItem item(
      UUID id, String system, String sourceId, Long version, String title, String lead) {
    return new TaskImportItem(
        id,
        system,
        sourceId,
        version,
        null,
        title,
        "Triển khai kế hoạch công tác dân vận năm 2026 tại địa phương.",
        lead == null ? null : UUID.fromString(lead),
        "Chủ tịch UBND",
        null,
        null,
        null,
        LocalDate.parse("2031-06-30"),
        null,
        "Báo cáo kết quả bằng văn bản",
        null,
        null,
        null,
        BigDecimal.ONE,
        null);
  }

  @Test
  void aBulkReplaceRefusesATaskChangedSinceItWasRead() {
    TaskFixtures f = new TaskFixtures();
    UUID id = UUID.randomUUID();
    List<ImportItemResult> created =
        asSystem(() -> target().apply(List.of(item(id, null, null, null, "Bản đầu", f.c1))));
    assertThat(created.getFirst().outcome()).isEqualTo(UpsertOutcome.CREATED);

    // the bulk replace read the task (version 0); meanwhile someone else wrote it (version 1)
    Task stale = QuarkusTransaction.requiringNew().call(() -> Task.<Task>findById(id));
    Task other = QuarkusTransaction.requiringNew().call(() -> Task.<Task>findById(id));
    other.title = "Sửa bởi người khác";
    QuarkusTransaction.requiringNew().run(() -> repo.updateAll(List.of(other)));
    assertThat(other.version).isEqualTo(1);

    stale.title = "Bản cũ ghi đè";
    Throwable refused = null;
    try {
      QuarkusTransaction.requiringNew().run(() -> repo.updateAll(List.of(stale)));
    } catch (RuntimeException e) {
      refused = e;
    }
    assertThat(refused).as("a stale version is refused").isNotNull();
    Throwable cause = refused;
    while (cause != null && !(cause instanceof jakarta.persistence.OptimisticLockException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("the refusal is an optimistic lock (409)").isNotNull();
    var now = json("admin").get(TaskFixtures.BASE + "/" + id).jsonPath();
    assertThat(now.getString("title")).isEqualTo("Sửa bởi người khác");
    assertThat(now.getLong("version")).isEqualTo(1);
  }

  @Test
  void createdUpdatedUnchangedAndFailedItemsInOneBatch() {
    TaskFixtures f = new TaskFixtures();
    ImportTarget<TaskImportItem> target = target();
    assertThat(target.csvColumns())
        .extracting(ImportTarget.CsvColumn::header)
        .contains(
            "Mã nguồn",
            "Tên nhiệm vụ",
            "Đơn vị chủ trì",
            "Đơn vị giao việc",
            "Hạn hoàn thành",
            "Sản phẩm");
    UUID byId = UUID.randomUUID();
    String sourceId = "NV-" + UUID.randomUUID();
    List<TaskImportItem> first = new ArrayList<>();
    first.add(item(byId, null, null, null, "Nhiệm vụ theo mã", f.c1));
    first.add(item(null, SYSTEM, sourceId, 1L, "Nhiệm vụ theo khóa nguồn", f.c2));
    first.add(
        item(UUID.randomUUID(), null, null, null, "Đơn vị không có", UUID.randomUUID().toString()));
    first.add(item(byId, null, null, null, "Trùng mã trong lô", f.c1));
    first.add(item(null, null, null, null, "Không có khóa", f.c1));
    first.add(item(null, null, "NV-1", null, "Thiếu hệ thống nguồn", f.c1));
    List<ImportItemResult> r1 = asSystem(() -> target.apply(first));
    assertThat(r1).hasSize(6);
    assertThat(r1.get(0).outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(r1.get(0).id()).isEqualTo(byId);
    assertThat(r1.get(1).outcome()).isEqualTo(UpsertOutcome.CREATED);
    UUID bySource = r1.get(1).id();
    assertThat(r1.get(2).error().code()).isEqualTo("UNKNOWN_UNIT");
    assertThat(r1.get(2).error().errors().getFirst().pointer()).isEqualTo("/leadUnitId");
    assertThat(r1.get(3).error().code()).isEqualTo("DUPLICATE");
    assertThat(r1.get(3).error().errors().getFirst().pointer()).isEqualTo("/id");
    assertThat(r1.get(4).error().errors().getFirst().pointer()).isEqualTo("/id");
    assertThat(r1.get(5).error().errors().getFirst().pointer()).isEqualTo("/sourceSystem");

    // written despite the failures, with the provenance, the audit event and the feed entry
    assertThat(
            json("admin")
                .get(TaskFixtures.BASE + "/" + bySource)
                .jsonPath()
                .getString("sourceSystem"))
        .isEqualTo(SYSTEM);
    for (UUID id : List.of(byId, bySource)) {
      assertThat(
              json("admin")
                  .queryParam("entityId", id.toString())
                  .get("/api/v1/audit-events")
                  .jsonPath()
                  .getList("items.action", String.class))
          .containsExactly("CREATE");
      assertThat(Api.feedEntries("TASK", id.toString())).hasSize(1);
    }

    List<TaskImportItem> second = new ArrayList<>();
    second.add(item(byId, null, null, null, "Nhiệm vụ theo mã", f.c1));
    second.add(item(null, SYSTEM, sourceId, 2L, "Nhiệm vụ theo khóa nguồn, bản 2", f.c2));
    second.add(item(null, SYSTEM, sourceId + "-cu", 1L, "Mới", f.c3));
    List<ImportItemResult> r2 = asSystem(() -> target.apply(second));
    assertThat(r2.get(0).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    assertThat(r2.get(1).outcome()).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(r2.get(1).id()).isEqualTo(bySource);
    assertThat(r2.get(2).outcome()).isEqualTo(UpsertOutcome.CREATED);
    var updated = json("admin").get(TaskFixtures.BASE + "/" + bySource).jsonPath();
    assertThat(updated.getString("title")).isEqualTo("Nhiệm vụ theo khóa nguồn, bản 2");
    assertThat(updated.getLong("version")).isEqualTo(1);
    assertThat(updated.getLong("sourceVersion")).isEqualTo(2);
    assertThat(Api.feedEntries("TASK", byId.toString())).hasSize(1);
    assertThat(Api.feedEntries("TASK", bySource.toString())).hasSize(2);
    assertThat(
            json("admin")
                .queryParam("entityId", bySource.toString())
                .get("/api/v1/audit-events")
                .jsonPath()
                .getList("items.action", String.class))
        .containsExactly("UPDATE", "CREATE");

    // an older source version: refused, the stored version in the problem
    List<ImportItemResult> r3 =
        asSystem(() -> target.apply(List.of(item(null, SYSTEM, sourceId, 1L, "Bản cũ", f.c2))));
    assertThat(r3.getFirst().error().code()).isEqualTo("SOURCE_VERSION_CONFLICT");
    assertThat(r3.getFirst().error().current().sourceVersion()).isEqualTo(2);

    // an id and a source key naming two different tasks
    List<ImportItemResult> r4 =
        asSystem(
            () ->
                target.apply(
                    List.of(item(UUID.randomUUID(), SYSTEM, sourceId, 3L, "Khóa khác", f.c2))));
    assertThat(r4.getFirst().error().code()).isEqualTo("DUPLICATE");
    assertThat(r4.getFirst().error().errors().getFirst().pointer()).isEqualTo("/sourceId");

    // the feed's records: what GET answers, absent when gone
    FeedRecordSource feed =
        feedSources.stream()
            .filter(s -> s.entityTypes().contains("TASK"))
            .findFirst()
            .orElseThrow();
    var records = asSystem(() -> feed.records("TASK", List.of(byId, bySource, UUID.randomUUID())));
    assertThat(records).containsOnlyKeys(byId, bySource);
    assertThat(((TaskResponse) records.get(bySource)).sourceVersion()).isEqualTo(2);
    String extension =
        json("admin")
            .body(Map.of("requestedDueDate", "2031-07-31", "reason", "Chờ số liệu của các xã"))
            .post(TaskFixtures.BASE + "/" + byId + "/extension-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    UUID extensionId = UUID.fromString(extension);
    var requests = asSystem(() -> feed.records("TASK_EXTENSION", List.of(extensionId)));
    assertThat(((ExtensionResponse) requests.get(extensionId)).taskId()).isEqualTo(byId);
  }
}
