package vn.danvan.task;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.sync.ImportItemResult;

/**
 * Not a timed test: the TASK import target's throughput (issue 12 §2, budget ≥ 5,000 tasks/s) on
 * the national tree. 100,000 tasks led by the 3,321 communes (a third with a coordinating commune),
 * written by calling the target through CDI in transactions of 1,000 items as the import framework
 * does, after a warm-up; then re-imports of 10,000 of them unchanged and changed. Prints tasks/s,
 * the machine's load average and the plans of the target's lookups. Run with {@code ./mvnw -Pbench
 * test -Dtest=TaskImportBenchmark}.
 */
@QuarkusTest
@TestProfile(TaskImportBenchmark.National.class)
@Tag("benchmark")
class TaskImportBenchmark {

  /** The database of the national tree, beside the demo world (as the reporting benchmark). */
  public static class National implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "danvan.embedded-db.database",
          "national",
          "quarkus.log.category.\"vn.danvan.task.TaskImportTarget\".level",
          "DEBUG");
    }
  }

  private static final Logger LOG = Logger.getLogger(TaskImportBenchmark.class);
  private static final int ITEMS = 100_000;
  private static final int BATCH = 1_000;
  private static final int WARM_UP = 5_000;
  private static final int REPEAT = 10_000;
  private static final String SYSTEM = "BENCH";

  @Inject NationalDataset dataset;
  @Inject DataSource dataSource;
  @Inject TaskImportTarget target;
  @Inject CurrentUser user;

  private final List<String> table = new ArrayList<>();

  @Test
  void hundredThousandTasks() throws Exception {
    dataset.load();
    List<UUID> communes = communes();
    String run = UUID.randomUUID().toString().substring(0, 8);
    LOG.infof("%d communes, run %s", communes.size(), run);

    List<TaskImportItem> warm = items("W" + run, WARM_UP, communes, 1, "");
    importAll("warm-up", warm);

    List<TaskImportItem> items = items(run, ITEMS, communes, 1, "");
    String load0 = loadAverage();
    importAll("create " + ITEMS, items);
    importAll("unchanged " + REPEAT, items.subList(0, REPEAT));
    importAll(
        "update " + REPEAT + " (new sourceVersion, title)",
        items(run, REPEAT, communes, 2, " (bản 2)"));
    String load1 = loadAverage();

    StringBuilder out = new StringBuilder("\n=== TASK import target (issue 12 §2) ===\n");
    out.append("load average before: ").append(load0).append(", after: ").append(load1);
    out.append(", cores: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
    table.forEach(l -> out.append(l).append('\n'));
    out.append(plans(communes, run));
    LOG.info(out);
    System.out.println(out);
  }

  private void importAll(String what, List<TaskImportItem> items) {
    List<Long> batchMs = new ArrayList<>();
    int failed = 0;
    long started = System.nanoTime();
    for (int from = 0; from < items.size(); from += BATCH) {
      List<TaskImportItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
      long t0 = System.nanoTime();
      List<ImportItemResult> results = inSystemRequest(() -> target.apply(batch));
      batchMs.add((System.nanoTime() - t0) / 1_000_000);
      for (ImportItemResult r : results) {
        if (!r.ok()) {
          failed++;
          if (failed == 1) {
            LOG.errorf("first failure: %s %s", r.error().code(), r.error().errors());
          }
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Collections.sort(batchMs);
    table.add(
        String.format(
            Locale.ROOT,
            "%-45s %7d items in %6.1f s = %7.0f tasks/s (batch of %d: p50 %d ms, max %d ms), %d"
                + " failed",
            what,
            items.size(),
            seconds,
            items.size() / seconds,
            BATCH,
            batchMs.get(batchMs.size() / 2),
            batchMs.getLast(),
            failed));
  }

  private static List<TaskImportItem> items(
      String run, int n, List<UUID> communes, long version, String suffix) {
    List<TaskImportItem> out = new ArrayList<>(n);
    LocalDate assigned = LocalDate.parse("2026-01-05");
    for (int i = 0; i < n; i++) {
      UUID lead = communes.get(i % communes.size());
      List<UUID> coordinating =
          i % 3 == 0 ? List.of(communes.get((i + 1) % communes.size())) : null;
      out.add(
          new TaskImportItem(
              null,
              SYSTEM,
              "NV-" + run + "-" + i,
              version,
              null,
              "Triển khai Kế hoạch công tác dân vận năm 2026, nhiệm vụ " + i + suffix,
              "Xây dựng và triển khai kế hoạch công tác dân vận của chính quyền năm 2026 tại xã,"
                  + " gắn với thực hiện dân chủ ở cơ sở.",
              lead,
              "Chủ tịch Ủy ban nhân dân xã",
              coordinating,
              null,
              assigned,
              assigned.plusDays(30 + i % 300),
              null,
              "Kế hoạch được ban hành và báo cáo kết quả gửi Sở Nội vụ",
              null,
              "II." + (1 + i % 9),
              null,
              BigDecimal.ONE,
              null));
    }
    return out;
  }

  private List<UUID> communes() throws Exception {
    List<UUID> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select v.unit_id from org_unit_version v join org_unit u on u.id = v.unit_id"
                    + " where v.kind = 'COMMUNE' and v.valid_from <= date '2026-01-05'"
                    + " and (v.valid_to is null or v.valid_to >= current_date)"
                    + " and u.valid_to is null order by v.unit_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getObject(1, UUID.class));
      }
    }
    return out;
  }

  private <T> T inSystemRequest(Supplier<T> call) {
    ManagedContext rc = Arc.container().requestContext();
    rc.activate();
    try {
      user.actAsSystem("system:benchmark");
      return QuarkusTransaction.requiringNew().call(call::get);
    } finally {
      rc.terminate();
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "n/a";
    }
  }

  // ------------------------------------------------------------------ plans

  /** The plans of the target's lookups for one batch of 1,000 items, bound as the target binds. */
  private String plans(List<UUID> communes, String run) throws Exception {
    List<UUID> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select id, source_id from task where source_system = ? and source_id like ?"
                    + " limit 1000")) {
      s.setString(1, SYSTEM);
      s.setString(2, "NV-" + run + "-%");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
          keys.add(rs.getString(2));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    try (Connection c = dataSource.getConnection()) {
      Object[] idArray = ids.toArray();
      Object[] units = communes.subList(0, 1000).toArray();
      out.append(
          plan(
              c,
              "existing tasks of 1,000 ids and 1,000 source keys (TaskRepository.byIdsOrSourceKeys)",
              "select t.* from task t where t.id = any(cast(? as uuid[])) union all select t.*"
                  + " from unnest(cast(? as text[]), cast(? as text[])) as k(s, i) join task t on"
                  + " t.source_system = k.s and t.source_id = k.i where t.source_system is not null"
                  + " and t.id <> all(cast(? as uuid[]))",
              c.createArrayOf("uuid", idArray),
              c.createArrayOf("text", Collections.nCopies(keys.size(), SYSTEM).toArray()),
              c.createArrayOf("text", keys.toArray()),
              c.createArrayOf("uuid", idArray)));
      out.append(
          plan(
              c,
              "1,000 units on their day (OrgUnitService.findAll)",
              "select x.unit_id, x.day, u.kind, v.name, v.short_name, v.code, v.parent_id, v.path,"
                  + " v.depth, u.valid_from, u.valid_to, v.valid_from, v.valid_to, u.version"
                  + " from unnest(cast(? as uuid[]), cast(cast(? as text[]) as date[])) as"
                  + " x(unit_id, day) join org_unit u on u.id = x.unit_id join lateral (select v.*"
                  + " from org_unit_version v where v.unit_id = x.unit_id order by (v.valid_from <="
                  + " x.day) desc, case when v.valid_from <= x.day then v.valid_from end desc,"
                  + " v.valid_from limit 1) v on true",
              c.createArrayOf("uuid", units),
              c.createArrayOf("text", Collections.nCopies(1000, "2026-01-05").toArray())));
      out.append(
          plan(
              c,
              "scope of 1,000 units for a provincial caller (UnitScope.preload)",
              "select distinct v.unit_id from org_unit_version v where v.unit_id ="
                  + " any(cast(? as uuid[])) and v.path && cast(? as uuid[])",
              c.createArrayOf("uuid", units),
              c.createArrayOf(
                  "uuid", new Object[] {UUID.fromString("00000000-0000-4000-8001-000000000079")})));
      out.append(
          plan(
              c,
              "coordinating units of 1,000 tasks (TaskRepository.coordinators)",
              "select task_id, unit_id from task_coordinator where task_id = any(cast(? as"
                  + " uuid[]))",
              c.createArrayOf("uuid", idArray)));
      out.append(
          plan(
              c,
              "feed records: 500 tasks by id (TaskRepository.tasks)",
              "select t.* from task t where t.id = any(cast(? as uuid[]))",
              c.createArrayOf("uuid", ids.subList(0, Math.min(500, ids.size())).toArray())));
    }
    return out.toString();
  }

  private static String plan(Connection c, String title, String sql, Object... params)
      throws Exception {
    StringBuilder out = new StringBuilder("\n-- ").append(title).append('\n');
    try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers, costs off) " + sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          // the bound arrays appear as literals: shortened
          out.append(rs.getString(1).replaceAll("'\\{[^}]{100,}}'", "'{…}'")).append('\n');
        }
      }
    } catch (java.sql.SQLException e) {
      out.append("(no plan: ").append(e.getMessage()).append(")\n");
    }
    return out.toString();
  }
}
