package vn.danvan.task;

import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.testing.NationalTasks;
import vn.danvan.testing.Statements;

/**
 * Not a timed test: the bulk writes of tasks over HTTP on the national tree with 1,000,000 tasks
 * stored (DESIGN §10: bulk assignment and import ≥ 5,000 tasks/s). Bulk assignment: 5 requests of
 * 1,000 tasks under one directive (each led by a commune, assigned by the root unit), after a
 * warm-up; import: one asynchronous TASK import of 20,000 items with source keys, timed from the
 * POST to the job's end, after a warm-up. Prints tasks/s, the load average and the statements of
 * one assignment. Run with {@code ./mvnw -Pbench test -Dtest=BulkTaskWriteBenchmark} ({@code
 * -Dbench.tasks=100000} for a smaller task table).
 */
@QuarkusTest
@TestProfile(BulkTaskWriteBenchmark.National.class)
@Tag("benchmark")
class BulkTaskWriteBenchmark {

  /** The database of the national tree, beside the demo world. */
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

  private static final Logger LOG = Logger.getLogger(BulkTaskWriteBenchmark.class);
  private static final int TASKS = Integer.getInteger("bench.tasks", 1_000_000);
  private static final int REQUESTS = 5;
  private static final int PER_REQUEST = 1_000;
  private static final int IMPORT_ITEMS = 20_000;
  private static final String ROOT = UnitIds.ROOT.toString();

  @Inject NationalDataset dataset;
  @Inject DataSource dataSource;
  @Inject @io.quarkus.hibernate.orm.PersistenceUnitExtension Statements statements;

  @Test
  void bulkWrites() throws Exception {
    dataset.load();
    long t0 = System.nanoTime();
    long stored = NationalTasks.generate(dataSource, TASKS, "2026-06-15", true);
    List<UUID> communes = communes();
    String run = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder out = new StringBuilder("\n=== Bulk task writes on the national tree ===\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%d tasks stored (generated in %.0f s), %d communes; load average %s; cores %d%n",
            stored,
            (System.nanoTime() - t0) / 1e9,
            communes.size(),
            loadAverage(),
            Runtime.getRuntime().availableProcessors()));

    String directive = directive(run);
    String url = "/api/v1/directives/" + directive + "/tasks";
    assign(url, tasks(communes, 0, run));
    long started = System.nanoTime();
    List<Long> ms = new ArrayList<>();
    for (int r = 1; r <= REQUESTS; r++) {
      long t = System.nanoTime();
      assign(url, tasks(communes, r * PER_REQUEST, run));
      ms.add((System.nanoTime() - t) / 1_000_000);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.append(
        String.format(
            Locale.ROOT,
            "bulk assignment: %d requests of %d tasks in %.1f s = %.0f tasks/s (ms per request: %s)%n",
            REQUESTS,
            PER_REQUEST,
            seconds,
            REQUESTS * PER_REQUEST / seconds,
            ms));
    List<String> sql =
        statements.of(
            "admin", () -> assign(url, tasks(communes, (REQUESTS + 1) * PER_REQUEST, run)));
    out.append(String.format(Locale.ROOT, "statements of one assignment: %d%n", sql.size()));
    sql.stream()
        .limit(40)
        .map(s -> s.length() > 160 ? s.substring(0, 160) + "…" : s)
        .forEach(s -> out.append("  ").append(s).append('\n'));

    importItems(items(communes, 2_000, "W" + run));
    long i0 = System.nanoTime();
    JsonPath job = importItems(items(communes, IMPORT_ITEMS, run));
    double importSeconds = (System.nanoTime() - i0) / 1e9;
    out.append(
        String.format(
            Locale.ROOT,
            "import: %d items in %.1f s = %.0f tasks/s (%s, created %d, errors %d)%n",
            IMPORT_ITEMS,
            importSeconds,
            IMPORT_ITEMS / importSeconds,
            job.getString("status"),
            job.getInt("created"),
            job.getInt("errors")));
    out.append("load average after: ").append(loadAverage()).append('\n');
    out.append(insertCosts(directive));
    LOG.info(out);
    System.out.println(out);
  }

  /**
   * What 1,000 new tasks cost the database, by index: the same insert (copies of tasks of the
   * directive) timed in transactions that are rolled back, with every index, then without the
   * trigram index, the path index, or every secondary index.
   */
  private String insertCosts(String directive) throws Exception {
    String insert =
        "insert into task (id, title, description, lead_unit_id, lead_unit_path,"
            + " responsible_person, expected_result, assigned_on, due_date, original_due_date,"
            + " priority, status, created_at, updated_at) select gen_random_uuid(), title,"
            + " description, lead_unit_id, lead_unit_path, responsible_person, expected_result,"
            + " assigned_on, due_date, original_due_date, priority, status, created_at, updated_at"
            + " from task where directive_id = '"
            + directive
            + "' limit 1000";
    StringBuilder out = new StringBuilder("\n-- 1,000 task rows inserted (rolled back), ms\n");
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("every index", "");
    variants.put("without task_fold (trigram)", "drop index task_fold");
    variants.put("without task_path (gin)", "drop index task_path");
    variants.put(
        "without every secondary index",
        "do $$ declare i text; begin for i in select indexrelid::regclass::text from pg_index"
            + " where indrelid = 'task'::regclass and not indisprimary loop execute 'drop index '"
            + " || i; end loop; end $$");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (Map.Entry<String, String> v : variants.entrySet()) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          try (java.sql.Statement s = c.createStatement()) {
            if (!v.getValue().isEmpty()) {
              s.execute(v.getValue());
            }
            long t = System.nanoTime();
            s.executeUpdate(insert);
            ms.add((System.nanoTime() - t) / 1_000_000);
          } finally {
            c.rollback();
          }
        }
        out.append(String.format(Locale.ROOT, "%-35s %s%n", v.getKey(), ms));
      }
    }
    return out.toString();
  }

  private String directive(String run) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "KE_HOACH");
    doc.put("symbol", "KH-BENCH");
    doc.put("issuingUnitId", ROOT);
    doc.put("title", "Kế hoạch giao việc hàng loạt " + run);
    Response d = json("admin").noFilters().body(doc).post("/api/v1/directives");
    if (d.statusCode() != 201) {
      throw new AssertionError(d.asString());
    }
    return d.jsonPath().getString("id");
  }

  private static void assign(String url, List<Map<String, Object>> tasks) {
    Response r = json("admin").noFilters().body(Map.of("tasks", tasks)).post(url);
    if (r.statusCode() != 201) {
      throw new AssertionError(r.asString());
    }
  }

  private static List<Map<String, Object>> tasks(List<UUID> communes, int from, String run) {
    List<Map<String, Object>> out = new ArrayList<>(PER_REQUEST);
    for (int i = from; i < from + PER_REQUEST; i++) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("title", "Triển khai kế hoạch công tác dân vận, nhiệm vụ " + run + "-" + i);
      t.put("description", "Xây dựng và triển khai kế hoạch công tác dân vận của chính quyền.");
      t.put("leadUnitId", communes.get(i % communes.size()).toString());
      t.put("responsiblePerson", "Chủ tịch UBND xã");
      t.put("dueDate", "2026-12-31");
      t.put("expectedResult", "Báo cáo kết quả gửi Sở Nội vụ");
      t.put("assigningUnitId", ROOT);
      out.add(t);
    }
    return out;
  }

  private static List<Map<String, Object>> items(List<UUID> communes, int n, String run) {
    List<Map<String, Object>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("sourceSystem", "BENCH");
      t.put("sourceId", "NV-" + run + "-" + i);
      t.put("sourceVersion", 1);
      t.put("title", "Triển khai kế hoạch công tác dân vận, nhiệm vụ " + i);
      t.put("description", "Xây dựng và triển khai kế hoạch công tác dân vận của chính quyền.");
      t.put("leadUnitId", communes.get(i % communes.size()).toString());
      t.put("responsiblePerson", "Chủ tịch UBND xã");
      t.put("dueDate", "2026-12-31");
      t.put("expectedResult", "Báo cáo kết quả gửi Sở Nội vụ");
      out.add(t);
    }
    return out;
  }

  /** Imports the items (asynchronously beyond the sync threshold) and answers the ended job. */
  private static JsonPath importItems(List<Map<String, Object>> items) throws Exception {
    Response r =
        json("admin")
            .noFilters()
            .header("Prefer", "respond-async")
            .queryParam("type", "TASK")
            .body(items)
            .post("/api/v1/imports");
    if (r.statusCode() != 202 && r.statusCode() != 200) {
      throw new AssertionError(r.asString());
    }
    if (r.statusCode() == 200) {
      return r.jsonPath();
    }
    String location = r.header("Location");
    for (int i = 0; i < 6000; i++) {
      JsonPath job = json("admin").noFilters().get(location).jsonPath();
      String status = job.getString("status");
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("import did not end");
  }

  private List<UUID> communes() throws Exception {
    List<UUID> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select v.unit_id from org_unit_version v join org_unit u on u.id = v.unit_id"
                    + " where v.kind = 'COMMUNE' and v.valid_to is null and u.valid_to is null"
                    + " order by v.unit_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getObject(1, UUID.class));
      }
    }
    return out;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "n/a";
    }
  }
}
