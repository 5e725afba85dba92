package vn.danvan.task;

import static vn.danvan.testing.Api.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.testing.NationalDatabase;
import vn.danvan.testing.NationalTasks;
import vn.danvan.testing.Statements;
import vn.danvan.testing.TestClock;

/**
 * Not a timed test: the task list on the national tree with 1,000,000 tasks led by the 3,321
 * communes (as {@code AgendaBenchmark} writes them, by SQL), 5 % of them with a coordinating
 * commune. Times over HTTP, sequentially, the first page of TP HCM's overdue tasks by due date as
 * the admin and as {@code hcm-manager} (a user scoped to TP HCM), and the whole scope's first page
 * as {@code hcm-manager}; prints the scope's roots, how a {@code uuid[]} parameter reaches the
 * server and the plans of the list query. Run with {@code ./mvnw -Pbench test
 * -Dtest=TaskListBenchmark}.
 */
@QuarkusTest
@TestProfile(NationalDatabase.class)
@Tag("benchmark")
class TaskListBenchmark {

  private static final Logger LOG = Logger.getLogger(TaskListBenchmark.class);
  private static final int TASKS = 1_000_000;
  private static final int WARMUP = 20;
  private static final int RUNS = 300;
  private static final String HCM = UnitIds.province("79").toString();
  private static final String TODAY = "2026-06-15";
  private static final String PAGE =
      "/api/v1/tasks?orgUnitId="
          + HCM
          + "&orgUnitMode=DESCENDANTS&state=OVERDUE&sort=dueDate&limit=50";

  /** The select list and joins of a page as {@link TaskRepository#page} writes them. */
  private static final String PAGE_COLUMNS =
      "select t.*, ch.n as page_child_count, ch.progress as page_derived_progress,"
          + " ch.due as page_derived_due, array(select tc.unit_id from task_coordinator tc"
          + " where tc.task_id = t.id) as page_coordinators, "
          + vn.danvan.orgunit.OrgUnitService.TREE_REVISION_COLUMNS
          + " from task t cross join lateral (select count(*) as n, sum(coalesce(c.weight, 1)"
          + " * case when c.status = 'DONE' then 100 else c.progress end) filter (where c.status"
          + " <> 'CANCELLED') / nullif(sum(coalesce(c.weight, 1)) filter (where c.status <>"
          + " 'CANCELLED'), 0) as progress, max(c.due_date) filter (where c.status <> 'CANCELLED')"
          + " as due from task c where c.parent_id = t.id) ch";

  private static final int CLIENTS = 32;
  private static final int SECONDS = 10;

  @Inject NationalDataset dataset;
  @Inject @io.quarkus.hibernate.orm.PersistenceUnitExtension Statements statements;
  @Inject DataSource dataSource;
  @Inject EntityManager em;

  @Test
  void firstPages() throws Exception {
    dataset.load();
    TestClock.today(java.time.LocalDate.parse(TODAY));
    try {
      long t0 = System.nanoTime();
      long tasks = NationalTasks.generate(dataSource, TASKS, TODAY, true);
      StringBuilder out =
          new StringBuilder("\n=== Task list on the national tree (issue 15) ===\n");
      out.append(
          String.format(
              Locale.ROOT,
              "%d tasks (generated in %.0f s); load average %s; cores %d%n",
              tasks,
              (System.nanoTime() - t0) / 1e9,
              loadAverage(),
              Runtime.getRuntime().availableProcessors()));
      out.append(binding());
      out.append(time("admin, HCM overdue first page of 50", "admin", PAGE));
      out.append(time("hcm-manager, HCM overdue first page of 50", "hcm-manager", PAGE));
      out.append(
          time(
              "hcm-manager, whole scope overdue first page of 50",
              "hcm-manager",
              "/api/v1/tasks?state=OVERDUE&sort=dueDate&limit=50"));
      out.append(time("admin, HCM overdue first page of 50 (again)", "admin", PAGE));
      for (String user : List.of("admin", "hcm-manager")) {
        List<String> sql = statements.of(user, () -> check(json(user).noFilters().get(PAGE)));
        out.append(
            String.format(Locale.ROOT, "%nstatements of a page as %s: %d%n", user, sql.size()));
        sql.forEach(q -> out.append("  ").append(q).append('\n'));
      }
      out.append(throughput("admin", PAGE));
      out.append(throughput("hcm-manager", PAGE));
      out.append(plans());
      LOG.info(out);
      System.out.println(out);
    } finally {
      TestClock.reset();
    }
  }

  /** The p50, p99 and max of {@value #RUNS} sequential calls after {@value #WARMUP} warm-ups. */
  private static String time(String what, String user, String url) {
    for (int i = 0; i < WARMUP; i++) {
      check(json(user).noFilters().get(url));
    }
    List<Double> ms = new ArrayList<>();
    int items = 0;
    int bytes = 0;
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      // without the test suite's response validator: the server's time, not the client's
      Response r = json(user).noFilters().get(url);
      ms.add((System.nanoTime() - t) / 1e6);
      check(r);
      items = r.jsonPath().getList("items").size();
      bytes = r.asByteArray().length;
    }
    Collections.sort(ms);
    return String.format(
        Locale.ROOT,
        "%-50s p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms (%d items, %d bytes)%n",
        what,
        ms.get(RUNS / 2),
        ms.get(RUNS * 99 / 100),
        ms.getLast(),
        items,
        bytes);
  }

  /**
   * Requests per second and p50/p99 of {@value #CLIENTS} clients asking for {@code url} as fast as
   * they can for {@value #SECONDS} s (after as long a warm-up), over plain HTTP.
   */
  private static String throughput(String user, String url) throws Exception {
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .executor(java.util.concurrent.Executors.newFixedThreadPool(CLIENTS))
            .build();
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + url))
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .build();
    run(http, request, SECONDS * 1000L);
    List<Long> nanos = run(http, request, SECONDS * 1000L);
    Collections.sort(nanos);
    return String.format(
        Locale.ROOT,
        "%s, %d clients for %d s: %.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
        user,
        CLIENTS,
        SECONDS,
        nanos.size() / (double) SECONDS,
        nanos.get(nanos.size() / 2) / 1e6,
        nanos.get(nanos.size() * 99 / 100) / 1e6);
  }

  private static List<Long> run(
      java.net.http.HttpClient http, java.net.http.HttpRequest request, long millis)
      throws Exception {
    long end = System.currentTimeMillis() + millis;
    List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      while (System.currentTimeMillis() < end) {
                        long t = System.nanoTime();
                        java.net.http.HttpResponse<byte[]> r =
                            http.send(
                                request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                          throw new IllegalStateException("status " + r.statusCode());
                        }
                        nanos.add(System.nanoTime() - t);
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }));
    }
    for (Thread t : clients) {
      t.join();
    }
    return new ArrayList<>(nanos);
  }

  private static void check(Response r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.asString());
    }
  }

  /**
   * The roots of TP HCM's scope, and the type the server sees for a {@code UUID[]} bound to a
   * native query the way the repositories bind it.
   */
  private String binding() throws Exception {
    StringBuilder out = new StringBuilder();
    UUID[] roots = roots();
    out.append(String.format(Locale.ROOT, "danvan_scope_roots(TP HCM): %d ids%n", roots.length));
    String type =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    String.valueOf(
                        em.createNativeQuery("select cast(pg_typeof(:roots) as text)")
                            .setParameter("roots", roots)
                            .getSingleResult()));
    out.append("a UUID[] bound to a native query reaches the server as: ").append(type);
    out.append('\n');
    return out.toString();
  }

  private UUID[] roots() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select danvan_scope_roots(?)")) {
      s.setObject(1, UUID.fromString(HCM));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return PgTypes.uuids(rs.getArray(1));
      }
    }
  }

  /**
   * The plans of the list query as the admin and as {@code hcm-manager} run it: the roots bound as
   * text (cast to {@code uuid[]} in the statement) and as a typed array.
   */
  private String plans() throws Exception {
    String base =
        PAGE_COLUMNS
            + " where (t.unit_at_2 = ?) and (t.recurrence_frequency is null"
            + " and t.status in ('NEW','IN_PROGRESS') and t.sort_due < ?)";
    String order = " order by t.sort_due, t.id limit 51";
    String scoped =
        base
            + " and (t.lead_unit_path && cast(? as uuid[]) or exists (select 1 from"
            + " task_coordinator c where c.task_id = t.id and c.unit_path && cast(? as uuid[])))"
            + order;
    UUID[] roots = roots();
    StringBuilder out = new StringBuilder();
    String whole =
        PAGE_COLUMNS
            + " where (t.recurrence_frequency is null and t.status in ('NEW','IN_PROGRESS')"
            + " and t.sort_due < ?)"
            + " and (t.lead_unit_path && cast(? as uuid[]) or exists (select 1 from"
            + " task_coordinator c where c.task_id = t.id and c.unit_path && cast(? as uuid[])))"
            + order;
    try (Connection c = dataSource.getConnection()) {
      UUID[] minimal = minimalRoots(c);
      out.append(
          String.format(
              Locale.ROOT,
              "%nminimal roots of TP HCM: %d ids %s%n",
              minimal.length,
              java.util.Arrays.toString(minimal)));
      out.append(explainWhole(c, "hcm-manager, whole scope, all roots as uuid[]", whole, roots));
      out.append(explainWhole(c, "hcm-manager, whole scope, minimal roots", whole, minimal));
      java.sql.Array typed = c.createArrayOf("uuid", roots);
      String text = typed.toString();
      out.append(explain(c, "admin", base + order, null));
      out.append(explain(c, "hcm-manager, roots bound as text", scoped, text));
      out.append(explain(c, "hcm-manager, roots bound as uuid[]", scoped, typed));
      out.append(
          explain(
              c,
              "hcm-manager, minimal roots (TP HCM alone) bound as uuid[]",
              scoped,
              c.createArrayOf("uuid", new Object[] {UUID.fromString(HCM)})));
    }
    return out.toString();
  }

  /** The minimal roots as ScopeRepository computes them. */
  private static UUID[] minimalRoots(Connection c) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "with s as materialized (select danvan_scope_roots(cast(? as uuid)) as roots)"
                + " select coalesce(array_agg(r.id order by r.id), '{}') from s,"
                + " unnest(s.roots) r(id) where not exists (select 1 from org_unit_version v"
                + " where v.unit_id = r.id) or exists (select 1 from org_unit_version v"
                + " where v.unit_id = r.id and not (trim_array(v.path, 1) && s.roots))")) {
      s.setString(1, HCM);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return PgTypes.uuids(rs.getArray(1));
      }
    }
  }

  private static String explainWhole(Connection c, String what, String sql, UUID[] roots)
      throws Exception {
    StringBuilder out = new StringBuilder("\n--- ").append(what).append('\n');
    try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + sql)) {
      java.sql.Array typed = c.createArrayOf("uuid", roots);
      s.setObject(1, java.time.LocalDate.parse(TODAY));
      s.setArray(2, typed);
      s.setArray(3, typed);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String line = rs.getString(1);
          // the bound array, 771 ids long, is left out of the plan's text
          out.append(line.length() > 300 ? line.substring(0, 300) + "…" : line).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String explain(Connection c, String what, String sql, Object roots)
      throws Exception {
    StringBuilder out = new StringBuilder("\n--- ").append(what).append('\n');
    try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + sql)) {
      s.setObject(1, UUID.fromString(HCM));
      s.setObject(2, java.time.LocalDate.parse(TODAY));
      if (roots != null) {
        s.setObject(3, roots);
        s.setObject(4, roots);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String line = rs.getString(1);
          out.append(line.length() > 300 ? line.substring(0, 300) + "…" : line).append('\n');
        }
      }
    }
    return out.toString();
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
