package vn.danvan.agenda;

import static vn.danvan.testing.Api.json;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.testing.NationalDatabase;
import vn.danvan.testing.NationalTasks;
import vn.danvan.testing.TestClock;

/**
 * Not a timed test: the agenda on the national tree with 1,000,000 tasks led by the 3,321 communes
 * (60 % done, some late; 5 % cancelled; the rest open, due over 2024–2027), written by SQL.
 * Measures over HTTP the first page of a province's overdue agenda (budget 50 ms) and the whole
 * country's summary by province (budget 200 ms), and prints the plans of the task source's queries
 * and of the yearly dialogue's read of the units. Run with {@code ./mvnw -Pbench test
 * -Dtest=AgendaBenchmark}.
 */
@QuarkusTest
@TestProfile(NationalDatabase.class)
@Tag("benchmark")
class AgendaBenchmark {

  private static final Logger LOG = Logger.getLogger(AgendaBenchmark.class);
  private static final int TASKS = 1_000_000;
  private static final int RUNS = 15;
  private static final String HCM = UnitIds.province("79").toString();
  static final String TODAY = "2026-06-15";

  @Inject NationalDataset dataset;
  @Inject DataSource dataSource;
  @Inject Instance<ObligationSource> sources;

  @Test
  void firstPageAndCountrySummary() throws Exception {
    dataset.load();
    TestClock.today(LocalDate.parse(TODAY));
    try {
      long t0 = System.nanoTime();
      long tasks = NationalTasks.generate(dataSource, TASKS, TODAY, false);
      StringBuilder out =
          new StringBuilder("\n=== Agenda on the national tree (issue 14 §1) ===\n");
      out.append(
          String.format(
              Locale.ROOT,
              "%d tasks (generated in %.0f s); load average %s; cores %d%n",
              tasks,
              (System.nanoTime() - t0) / 1e9,
              loadAverage(),
              Runtime.getRuntime().availableProcessors()));
      out.append(
          time(
              "HCM overdue, first page of 50 (all kinds)",
              "/api/v1/agenda?orgUnitId="
                  + HCM
                  + "&orgUnitMode=DESCENDANTS&state=OVERDUE&limit=50"));
      out.append(
          time(
              "HCM overdue, first page of 50 (TASK)",
              "/api/v1/agenda?orgUnitId="
                  + HCM
                  + "&orgUnitMode=DESCENDANTS&state=OVERDUE&kind=TASK&limit=50"));
      out.append(
          time(
              "HCM overdue, first page of 50, -dueDate",
              "/api/v1/agenda?orgUnitId="
                  + HCM
                  + "&orgUnitMode=DESCENDANTS&state=OVERDUE&limit=50&sort=-dueDate"));
      out.append(time("country summary by province (all kinds)", "/api/v1/agenda/summary"));
      out.append(
          time(
              "country summary by province, asOf (row by row)",
              "/api/v1/agenda/summary?asOf=2026-06-14"));
      out.append(
          time(
              "HCM summary by child unit",
              "/api/v1/agenda/summary?orgUnitId=" + HCM + "&orgUnitMode=DESCENDANTS"));
      // where the time of the all-kinds requests goes: each source alone
      for (vn.danvan.shared.agenda.ObligationKind kind :
          vn.danvan.shared.agenda.ObligationKind.values()) {
        out.append(
            time(
                "  HCM overdue first page, " + kind,
                "/api/v1/agenda?orgUnitId="
                    + HCM
                    + "&orgUnitMode=DESCENDANTS&state=OVERDUE&limit=50&kind="
                    + kind));
        out.append(
            time("  country summary by province, " + kind, "/api/v1/agenda/summary?kind=" + kind));
      }
      out.append(inProcess());
      out.append(plans());
      LOG.info(out);
      System.out.println(out);
    } finally {
      TestClock.reset();
    }
  }

  /**
   * Each source asked directly (no HTTP, no JSON, no transaction: as the agenda asks it), the first
   * page of TP HCM's overdue obligations of each kind and the country's counts by province: the
   * median of {@value #RUNS} calls after three warm-ups.
   */
  private String inProcess() {
    StringBuilder out = new StringBuilder("\n--- each source in process (no HTTP), median\n");
    LocalDate day = LocalDate.parse(TODAY);
    ManagedContext context = Arc.container().requestContext();
    context.activate();
    try {
      for (ObligationSource source : sources) {
        for (ObligationKind kind : source.kinds()) {
          Set<ObligationKind> kinds = EnumSet.of(kind);
          ObligationQuery page =
              new ObligationQuery(
                  UUID.fromString(HCM),
                  OrgUnitMode.DESCENDANTS,
                  null,
                  kinds,
                  ObligationState.OVERDUE,
                  null,
                  null,
                  day,
                  null,
                  false,
                  51);
          ObligationQuery country =
              new ObligationQuery(null, null, null, kinds, null, null, null, day, null, false, 1);
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %-22s HCM overdue first page %6.2f ms, country by province %6.2f ms%n",
                  kind,
                  median(() -> source.page(page)),
                  median(() -> source.count(country, ObligationGrouping.CHILD_UNIT, 2))));
        }
      }
    } finally {
      context.terminate();
    }
    return out.toString();
  }

  private static double median(Supplier<?> call) {
    for (int i = 0; i < 3; i++) {
      call.get();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      call.get();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    return ms.get(RUNS / 2);
  }

  /**
   * The median, p90 and max of {@value #RUNS} calls after three warm-ups, and the time of the first
   * warm-up (the units of a day are read once per tree revision, then kept).
   */
  private static String time(String what, String url) {
    double first = 0;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      check(json("admin").noFilters().get(url));
      if (i == 0) {
        first = (System.nanoTime() - t) / 1e6;
      }
    }
    List<Double> ms = new ArrayList<>();
    int items = 0;
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      // without the test suite's response validator: the server's time, not the client's
      Response r = json("admin").noFilters().get(url);
      ms.add((System.nanoTime() - t) / 1e6);
      check(r);
      items = r.jsonPath().getList(url.contains("summary") ? "groups" : "items").size();
    }
    Collections.sort(ms);
    return String.format(
        Locale.ROOT,
        "%-50s median %6.1f ms, p90 %6.1f ms, max %6.1f ms, first %6.1f ms (%d %s)%n",
        what,
        ms.get(RUNS / 2),
        ms.get(RUNS * 9 / 10),
        ms.getLast(),
        first,
        items,
        url.contains("summary") ? "groups" : "items");
  }

  private static void check(Response r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.asString());
    }
  }

  /** The plans of the task source's page and of the tally read, bound as the source binds. */
  private String plans() throws Exception {
    String overdue =
        "select t.id, t.lead_unit_id, t.due_date, t.completed_on, t.title from task t where"
            + " (t.status <> 'CANCELLED' and t.recurrence_frequency is null) and (t.unit_at_2 ="
            + " '"
            + HCM
            + "') and (t.status in ('NEW','IN_PROGRESS') and t.sort_due < date '"
            + TODAY
            + "') order by t.sort_due, t.id limit 51";
    String byProvince =
        "select k, s, sum(n) from ( select province_id k, case when outcome = 'ON_TIME' then"
            + " 'DONE_ON_TIME' when outcome = 'LATE' then 'DONE_LATE' when due_month > date"
            + " '2026-06-01' then 'IN_PROGRESS_IN_TERM' else 'OVERDUE' end s, n from task_tally"
            + " where outcome <> 'OPEN' or due_month <> date '2026-06-01' union all select"
            + " coalesce(t.unit_at_2, t.lead_unit_id), case when t.sort_due >= date '"
            + TODAY
            + "' then 'IN_PROGRESS_IN_TERM' else 'OVERDUE' end, 1 from task t where t.status in"
            + " ('NEW','IN_PROGRESS') and t.recurrence_frequency is null and t.sort_due >= date"
            + " '2026-06-01' and t.sort_due < date '2026-07-01') x group by 1, 2 having sum(n) <>"
            + " 0";
    String rowByRow =
        "select coalesce(t.unit_at_2, t.lead_unit_id) as k, danvan_task_outcome(t.due_date,"
            + " t.completed_on, date '2026-06-14') as s, count(*) from task t where (t.status <>"
            + " 'CANCELLED' and t.recurrence_frequency is null) group by 1, 2";
    String units =
        "select v.unit_id, v.kind, v.path, u.valid_from from org_unit_version v join org_unit u on"
            + " u.id = v.unit_id where %s v.kind = any(cast('{COMMUNE}' as text[])) and"
            + " v.valid_from <= date '%s' and (v.valid_to is null or v.valid_to >= date '%s') and"
            + " u.valid_from <= date '%s' and (u.valid_to is null or u.valid_to >= date '%s')"
            + " order by v.unit_id";
    String hcmUnits =
        units.formatted(
            "v.path && cast('{" + HCM + "}' as uuid[]) and",
            "2023-12-31",
            "2023-12-31",
            "2023-12-31",
            "2023-12-31");
    String countryUnits = units.formatted("", TODAY, TODAY, TODAY, TODAY);
    String plansPage =
        "select o.id, o.unit_id, o.due_date, o.fulfilled_on, d.id as d, d.full_number, d.title"
            + " from directive_obligation o join directive d on d.id = o.directive_id where"
            + " d.status in ('ISSUED','EXPIRED') and (o.passed_on is null or o.passed_on > date '"
            + TODAY
            + "') and (o.transferred_on is null or o.transferred_on <= date '"
            + TODAY
            + "') and o.unit_id = any(array(select v.unit_id from org_unit_version v where v.path"
            + " @> array[cast('"
            + HCM
            + "' as uuid)])) and "
            + ObligationState.sql("o.due_date", "o.fulfilled_on", "date '" + TODAY + "'")
            + " = 'OVERDUE' order by o.due_date, o.id limit 51";
    String reportSubmissions =
        "select s.regime_id, s.period, s.org_unit_id, s.id, s.status, s.due_date,"
            + " s.first_submitted_at from unnest(cast('{00000000-0000-4b0d-9023-764000000001,"
            + "00000000-0000-4b0d-9023-764000000002}' as uuid[]), cast('{2023S1,2023}' as"
            + " text[])) k(r, p) join report_submission s on s.regime_id = k.r and s.period = k.p";
    StringBuilder out = new StringBuilder();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String[] q :
          List.of(
              new String[] {"task source: HCM overdue, first page", overdue},
              new String[] {"task source: country by province today (tally)", byProvince},
              new String[] {"task source: country by province on another day", rowByRow},
              new String[] {
                "yearly dialogue: communes under HCM on 2023-12-31 (a page, first year)", hcmUnits
              },
              new String[] {
                "yearly dialogue: communes of the country today (once per tree revision)",
                countryUnits
              },
              new String[] {
                "implementing plans: HCM overdue, first page (units of the subtree)", plansPage
              },
              new String[] {"reports: submissions of Gò Vấp's two periods", reportSubmissions})) {
        out.append("\n--- ").append(q[0]).append('\n');
        try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + q[1])) {
          while (rs.next()) {
            out.append(rs.getString(1)).append('\n');
          }
        } catch (java.sql.SQLException e) {
          out.append("(no plan: ").append(e.getMessage()).append(")\n");
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
