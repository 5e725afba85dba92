package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.testing.NationalDatabase;
import vn.danvan.testing.Statements;
import vn.danvan.testing.TestClock;

/**
 * Not a timed test: the expected reports in the agenda on the national tree, a quarterly regime of
 * Bộ Nội vụ over every commune of the country from 2025Q1 (its 2025Q1–Q2 periods expect the 11,160
 * communes before the merger, the later ones the 3,321 after), each commune's report of every
 * period up to 2026Q1 submitted (90 % accepted). Measures over HTTP, after a warm-up, the first
 * page of TP HCM's agenda (of reports, and of every kind), TP HCM's summary and the country's
 * summary of reports, with the statements of the first request and of a warm one. Run with {@code
 * ./mvnw -Pbench test -Dtest=ReportAgendaBenchmark}.
 */
@QuarkusTest
@TestProfile(NationalDatabase.class)
@Tag("benchmark")
class ReportAgendaBenchmark {

  private static final Logger LOG = Logger.getLogger(ReportAgendaBenchmark.class);
  private static final int WARM_UP = 5;
  private static final int RUNS = 21;
  private static final String HCM = UnitIds.province("79").toString();
  private static final String TODAY = "2026-06-15";

  @Inject NationalDataset dataset;
  @Inject DataSource dataSource;

  // the recorder is Hibernate's statement inspector: it bears the persistence unit's qualifier
  @Inject @PersistenceUnitExtension Statements statements;

  private final List<String> table = new ArrayList<>();

  @Test
  void agendaOfACountryWideQuarterlyRegime() throws Exception {
    dataset.load();
    String regime = nationalRegime();
    long submissions;
    try (Connection c = dataSource.getConnection()) {
      submissions = reports(c, regime);
    }
    TestClock.today(LocalDate.parse(TODAY));
    try {
      String base = "/api/v1/agenda?orgUnitId=" + HCM + "&orgUnitMode=DESCENDANTS&limit=50";
      measure("HCM agenda, first page of 50 (REPORT)", base + "&kind=REPORT");
      measure(
          "HCM agenda, first page of 50, OVERDUE (REPORT)", base + "&kind=REPORT&state=OVERDUE");
      measure("HCM agenda, first page of 50 (all kinds)", base);
      measure(
          "HCM summary by child unit (REPORT)",
          "/api/v1/agenda/summary?orgUnitId=" + HCM + "&orgUnitMode=DESCENDANTS&kind=REPORT");
      measure("country summary by province (REPORT)", "/api/v1/agenda/summary?kind=REPORT");
      measure(
          "completeness of 2025Q1, country (11,160 units)",
          "/api/v1/report-completeness?regimeId=" + regime + "&period=2025Q1");
    } finally {
      TestClock.reset();
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nReport agenda benchmark: %,d submissions; load average %s; cores %d%n",
            submissions,
            loadAverage(),
            Runtime.getRuntime().availableProcessors()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-52s %5s %10s %10s %10s %12s%n",
            "operation",
            "runs",
            "first ms",
            "median ms",
            "p95 ms",
            "statements"));
    table.forEach(out::append);
    LOG.info(out);
    System.out.println(out);
    Files.writeString(Path.of("target", "report-agenda-benchmark.txt"), out.toString());
  }

  /** A quarterly regime of Bộ Nội vụ over every commune of the country, from 2025Q1. */
  private static String nationalRegime() {
    Map<String, Object> b = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    b.put("frequency", "QUARTERLY");
    b.put("firstPeriod", "2025Q1");
    b.put("lastPeriod", null);
    b.put("sourceDirectiveId", null);
    b.put(
        "dueDates",
        List.of(
            ReportingRegimeFixtures.workingDays("COMMUNE", 3),
            ReportingRegimeFixtures.dayOfMonth("CENTRAL", 0, 25)));
    b.put("collectingUnitId", UnitIds.MINISTRY_OF_HOME_AFFAIRS.toString());
    b.put(
        "reportingUnits",
        ReportingRegimeFixtures.units(
            "DESCENDANT_UNITS_OF_KIND", "COMMUNE", UnitIds.ROOT.toString(), null));
    String id = ReportingRegimeFixtures.createdId("admin", b);
    Response active = ReportingRegimeFixtures.transition("admin", id, 0, "ACTIVATE");
    assertThat(active.statusCode()).as(active.asString()).isEqualTo(200);
    return id;
  }

  /**
   * One report per commune valid on each period's first day, 2025Q1 to 2026Q1: 90 % accepted, the
   * rest submitted.
   */
  private static long reports(Connection c, String regime) throws Exception {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into report_submission (id, regime_id, period, org_unit_id, org_unit_path,"
              + " collecting_unit_id, collecting_unit_path, level, due_date, lock_date,"
              + " template_id, template_number, status, version_count, first_submitted_at,"
              + " submitted_at, late, accepted_at, created_at, updated_at)"
              + " select gen_random_uuid(), r.id, p.code, v.unit_id, v.path, r.collecting_unit_id,"
              + " r.collecting_unit_path, 'COMMUNE', p.due, p.due + 20, r.template_id,"
              + " r.template_number, 'ACCEPTED',"
              + " 1, p.due - 1, p.due - 1, false, now(), now(), now()"
              + " from reporting_regime r cross join (values ('2025Q1', date '2025-01-01'),"
              + " ('2025Q2', date '2025-04-01'), ('2025Q3', date '2025-07-01'),"
              + " ('2025Q4', date '2025-10-01'), ('2026Q1', date '2026-01-01'))"
              + " p0(code, start) cross join lateral (select p0.code, p0.start,"
              + " (p0.start + interval '3 months' + interval '2 days')::date as due) p"
              + " join org_unit_version v on v.kind = 'COMMUNE' and v.valid_from <= p.start"
              + " and (v.valid_to is null or v.valid_to >= p.start)"
              + " where r.id = '"
              + regime
              + "'");
      s.executeUpdate(
          "update report_submission set status = 'SUBMITTED', accepted_at = null"
              + " where regime_id = '"
              + regime
              + "' and random() < 0.1");
      s.execute("analyze report_submission");
      try (var rs =
          s.executeQuery(
              "select count(*) from report_submission where regime_id = '" + regime + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void measure(String operation, String url) {
    List<Double> ms = new ArrayList<>();
    double first = 0;
    int firstStatements = 0;
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      Supplier<Response> call = () -> json("admin").get(url);
      Response[] answer = new Response[1];
      long t0 = System.nanoTime();
      if (i == 0) {
        // the first (cold) request's statements
        firstStatements = statements.of("admin", () -> answer[0] = call.get()).size();
      } else {
        answer[0] = call.get();
      }
      long t1 = System.nanoTime();
      Response r = answer[0];
      assertThat(r.statusCode()).as(operation + ": " + r.asString()).isEqualTo(200);
      if (i == 0) {
        first = (t1 - t0) / 1e6;
      } else if (i >= WARM_UP) {
        ms.add((t1 - t0) / 1e6);
      }
    }
    Collections.sort(ms);
    int warm = statements.of("admin", () -> json("admin").get(url)).size();
    String line =
        String.format(
            Locale.ROOT,
            "%-52s %5d %10.1f %10.1f %10.1f %12s%n",
            operation,
            ms.size(),
            first,
            ms.get(ms.size() / 2),
            ms.get((int) Math.ceil(ms.size() * 0.95) - 1),
            firstStatements + " / " + warm);
    LOG.info(line.strip());
    table.add(line);
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
