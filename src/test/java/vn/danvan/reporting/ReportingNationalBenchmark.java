package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
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
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.NationalDataset;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.testing.NationalDatabase;

/**
 * Not a timed test: the budgets of issue 11 §10 on the national tree (3,321 communes, each with a
 * report of the demo template, 90 % accepted), measured inside the services (the budget) and over
 * HTTP (separately), after a warm-up, with the machine's load average; printed as a table with the
 * plans of the main queries. Run with {@code ./mvnw -Pbench test
 * -Dtest=ReportingNationalBenchmark}.
 */
@QuarkusTest
@TestProfile(NationalDatabase.class)
@Tag("benchmark")
class ReportingNationalBenchmark {

  private static final Logger LOG = Logger.getLogger(ReportingNationalBenchmark.class);
  private static final int WARM_UP = 10;
  private static final int RUNS = 31;
  private static final String PERIOD = "2026S1";

  @Inject NationalDataset dataset;
  @Inject DataSource dataSource;
  @Inject ReportConsolidationService consolidations;
  @Inject ReportCompletenessService completeness;
  @Inject ReportFigureService figures;
  @Inject ReportTemplateRepository templates;
  @Inject CurrentUser user;
  @Inject ReportingRegimeRepository regimes;
  @Inject ReportingPeriodService periods;
  @Inject ReportConsolidationRepository repo;

  private final List<String> table = new ArrayList<>();

  @Test
  void consolidationCompletenessAndPrefillOfTheWholeCountry() throws Exception {
    dataset.load();
    String load0 = loadAverage();
    String regime = nationalRegime();
    int expected =
        ReportingRegimeFixtures.period("admin", regime, PERIOD)
            .jsonPath()
            .getInt("expectedUnitCount");
    UUID commune;
    UUID ward;
    try (Connection c = dataSource.getConnection()) {
      reports(c, regime);
      commune =
          uuid(
              c,
              "select org_unit_id from report_submission where regime_id = '"
                  + regime
                  + "' order by org_unit_id limit 1");
      ward =
          uuid(
              c,
              "select unit_id from org_unit_version where kind = 'COMMUNE' and path @> array["
                  + "cast('"
                  + UnitIds.district("764")
                  + "' as uuid)] order by unit_id limit 1");
    }
    UUID regimeId = UUID.fromString(regime);
    List<TemplateIndicator> indicators = inSystemRequest(this::demoIndicators);
    FigureScope communeScope =
        new FigureScope(
            regimeId,
            PERIOD,
            commune,
            LocalDate.parse("2026-06-30"),
            LocalDate.parse("2025-12-15"),
            LocalDate.parse("2026-06-14"));
    FigureScope wardScope =
        new FigureScope(
            null,
            "2023S1",
            ward,
            LocalDate.parse("2023-06-30"),
            LocalDate.parse("2022-12-15"),
            LocalDate.parse("2023-06-14"));
    FigureScope districtScope =
        new FigureScope(
            null,
            "2023S1",
            UnitIds.district("764"),
            LocalDate.parse("2023-06-30"),
            LocalDate.parse("2022-12-15"),
            LocalDate.parse("2023-06-14"));
    ConsolidationRequest request = new ConsolidationRequest(regimeId, PERIOD, null, false);

    // inside the services: the budgets
    measure(
        "completeness, country (service)",
        100,
        () -> completeness.completeness(regimeId, PERIOD, null, null));
    String id =
        measure("consolidation, country (service)", 200, () -> consolidations.create(request))
            .id()
            .toString();
    // the phases of a consolidation, each alone
    ReportingRegime regimeRow = inSystemRequest(() -> regimes.find(regimeId));
    ReportingPeriodResponse period =
        measure(
            "  phase: period resolution, 3,321 units and names",
            0,
            () -> periods.period(regimeRow, PERIOD, "/period"));
    List<SubmissionState> states =
        measure("  phase: states of the submissions", 0, () -> repo.states(regimeId, PERIOD));
    List<ReportConsolidationRepository.VersionRef> refs = new ArrayList<>();
    states.forEach(
        st -> {
          if (st.inputNumber(false) != null) {
            refs.add(
                new ReportConsolidationRepository.VersionRef(
                    st.submissionId(), st.inputNumber(false)));
          }
        });
    Map<
            ReportConsolidationRepository.VersionRef,
            Map<String, com.fasterxml.jackson.databind.JsonNode>>
        values = measure("  phase: values of the versions read", 0, () -> repo.values(refs));
    List<Consolidator.Input> inputs = new ArrayList<>();
    states.forEach(
        st -> {
          if (st.inputNumber(false) != null) {
            inputs.add(
                new Consolidator.Input(
                    st.unitId(),
                    values.get(
                        new ReportConsolidationRepository.VersionRef(
                            st.submissionId(), st.inputNumber(false)))));
          }
        });
    measure(
        "  phase: aggregation in Java (" + inputs.size() + " × " + indicators.size() + ")",
        0,
        () -> Consolidator.consolidate(indicators, inputs));
    LOG.infof("expected %d units in %s", period.expectedUnitCount(), period.code());
    measure(
        "prefill, national commune (service)", 50, () -> figures.compute(indicators, communeScope));
    measure(
        "prefill, demo ward Gò Vấp 2023S1 (service)",
        50,
        () -> figures.compute(indicators, wardScope));
    measure(
        "prefill, district Gò Vấp 2023S1 (service)",
        50,
        () -> figures.compute(indicators, districtScope));
    measure(
        "consolidation read with provenance (service)",
        0,
        () -> consolidations.get(UUID.fromString(id)));
    // over HTTP (as admin: no scope lookups), JSON included
    measureHttp(
        "completeness, country (HTTP GET)",
        () ->
            json("admin")
                .queryParam("regimeId", regime)
                .queryParam("period", PERIOD)
                .get("/api/v1/report-completeness"),
        200);
    measureHttp(
        "consolidation, country (HTTP POST, summary)",
        () ->
            json("admin")
                .body(Map.of("regimeId", regime, "period", PERIOD))
                .post("/api/v1/report-consolidations"),
        201);
    measureHttp(
        "consolidation read with provenance (HTTP GET …/{id})",
        () -> json("admin").get("/api/v1/report-consolidations/" + id),
        200);
    String load1 = loadAverage();

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nReporting benchmark, %d expected communes; load average before: %s, after: %s%n",
            expected,
            load0,
            load1));
    out.append(
        String.format(
            Locale.ROOT,
            "%-58s %5s %10s %10s %8s %6s %10s%n",
            "operation",
            "runs",
            "median ms",
            "p95 ms",
            "budget",
            "pass",
            "size"));
    table.forEach(out::append);
    try (Connection c = dataSource.getConnection()) {
      out.append(plans(c, regime, commune));
    }
    LOG.info(out);
    Path file = Path.of("target", "reporting-benchmark.txt");
    Files.writeString(file, out.toString());
    LOG.infof("written to %s", file.toAbsolutePath());
  }

  // ------------------------------------------------------------------ the data

  /** A semi-annual regime of Bộ Nội vụ over every commune of the country, from 2026S1. */
  private static String nationalRegime() {
    Map<String, Object> b = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    b.put("frequency", "SEMI_ANNUAL");
    b.put("firstPeriod", PERIOD);
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
    return ReportingRegimeFixtures.createdId("admin", b);
  }

  /** One report per commune with one frozen version: 90 % accepted, the rest submitted. */
  private static void reports(Connection c, String regime) throws Exception {
    exec(
        c,
        "insert into report_submission (id, regime_id, period, org_unit_id, org_unit_path,"
            + " collecting_unit_id, collecting_unit_path, level, due_date, lock_date, template_id,"
            + " template_number, status, version_count, first_submitted_at, submitted_at, late,"
            + " accepted_at, created_at, updated_at)"
            + " select gen_random_uuid(), r.id, '2026S1', v.unit_id, v.path, r.collecting_unit_id,"
            + " r.collecting_unit_path, 'COMMUNE', date '2026-06-17', date '2026-07-06', r.template_id,"
            + " r.template_number, 'ACCEPTED', 1,"
            + " now(), now(), random() < 0.2, now(), now(), now()"
            + " from reporting_regime r join org_unit_version v on v.kind = 'COMMUNE'"
            + " and v.valid_from <= date '2026-01-01' and (v.valid_to is null or v.valid_to >= date '2026-01-01')"
            + " where r.id = '"
            + regime
            + "'");
    exec(
        c,
        "update report_submission set status = 'SUBMITTED', accepted_at = null where regime_id = '"
            + regime
            + "' and random() < 0.1");
    exec(
        c,
        "insert into report_submission_version (id, submission_id, number, template_number,"
            + " \"values\", narratives, submitted_at, submitted_by, late, decision, decided_at)"
            + " select gen_random_uuid(), s.id, 1, s.template_number,"
            + " (select jsonb_object_agg(i->>'code', jsonb_build_object('value',"
            + "   case i->>'type' when 'BOOLEAN' then to_jsonb(random() < 0.5)"
            + "   when 'PERCENT' then to_jsonb(round((random() * 100)::numeric, 1))"
            + "   else to_jsonb(floor(random() * 500)::int) end, 'computed', null, 'source', null))"
            + "   from report_template_version tv, jsonb_array_elements(tv.sections) sec,"
            + "   jsonb_array_elements(coalesce(sec->'indicators', '[]')) i"
            + "   where tv.template_id = s.template_id and tv.number = s.template_number),"
            + " '{}', now(), 'bench', s.late,"
            + " case when s.status = 'ACCEPTED' then 'ACCEPTED' end,"
            + " case when s.status = 'ACCEPTED' then now() end"
            + " from report_submission s where s.regime_id = '"
            + regime
            + "'");
    exec(c, "analyze report_submission");
    exec(c, "analyze report_submission_version");
  }

  private List<TemplateIndicator> demoIndicators() {
    ReportTemplateVersion v =
        templates.version(UUID.fromString(ReportingRegimeFixtures.TEMPLATE), 1);
    List<TemplateIndicator> out = new ArrayList<>();
    v.sections.forEach(s -> out.addAll(s.indicators() == null ? List.of() : s.indicators()));
    return out;
  }

  // ------------------------------------------------------------------ measuring

  /** Times {@code call} inside a request of the system (admin) after a warm-up; the last answer. */
  private <T> T measure(String operation, long budget, Supplier<T> call) {
    T last = null;
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      ManagedContext rc = Arc.container().requestContext();
      rc.activate();
      try {
        user.actAsSystem("system:benchmark");
        long t0 = System.nanoTime();
        last = call.get();
        long t1 = System.nanoTime();
        if (i >= WARM_UP) {
          ms.add((t1 - t0) / 1e6);
        }
      } finally {
        rc.terminate();
      }
    }
    row(operation, ms, budget, "");
    return last;
  }

  private void measureHttp(String operation, Supplier<Response> call, int status) {
    List<Double> ms = new ArrayList<>();
    long size = 0;
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      long t0 = System.nanoTime();
      Response r = call.get();
      long t1 = System.nanoTime();
      assertThat(r.statusCode()).as(operation).isEqualTo(status);
      size = r.asByteArray().length;
      if (i >= WARM_UP) {
        ms.add((t1 - t0) / 1e6);
      }
    }
    row(operation, ms, 0, String.format(Locale.ROOT, "%,d B", size));
  }

  private void row(String operation, List<Double> ms, long budget, String size) {
    Collections.sort(ms);
    double median = ms.get(ms.size() / 2);
    double p95 = ms.get((int) Math.ceil(ms.size() * 0.95) - 1);
    String line =
        String.format(
            Locale.ROOT,
            "%-58s %5d %10.1f %10.1f %8s %6s %10s%n",
            operation,
            ms.size(),
            median,
            p95,
            budget > 0 ? "< " + budget : "-",
            budget > 0 ? (median < budget ? "PASS" : "FAIL") : "-",
            size);
    LOG.info(line.strip());
    table.add(line);
  }

  private <T> T inSystemRequest(Supplier<T> call) {
    ManagedContext rc = Arc.container().requestContext();
    rc.activate();
    try {
      user.actAsSystem("system:benchmark");
      return call.get();
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

  /** EXPLAIN (ANALYZE, BUFFERS) of the main queries, with the SQL the repositories run. */
  private static String plans(Connection c, String regime, UUID commune) throws Exception {
    StringBuilder out = new StringBuilder();
    String r = "'" + regime + "'";
    out.append(
        plan(
            c,
            "expected units with their names on the period's first day"
                + " (OrgUnitRepository.descendantNamesOfKindOn)",
            "select v.unit_id, v.name from org_unit_version v where v.path @> array[cast('"
                + UnitIds.ROOT
                + "' as uuid)] and v.unit_id <> '"
                + UnitIds.ROOT
                + "' and v.kind = 'COMMUNE' and v.valid_from <= date '2026-01-01'"
                + " and (v.valid_to is null or v.valid_to >= date '2026-01-01') order by v.unit_id"));
    out.append(
        plan(
            c,
            "states of the period's submissions (ReportConsolidationRepository.states)",
            ReportConsolidationRepository.STATES
                .replace(":regime", r)
                .replace(":period", "'" + PERIOD + "'")));
    out.append(
        plan(
            c,
            "values of the frozen versions read (ReportConsolidationRepository.values)",
            ReportConsolidationRepository.VALUES.replace(
                "cast(:refs as jsonb)",
                "(select jsonb_agg(jsonb_build_object('s', s.id, 'n', 1))"
                    + " from report_submission s where s.regime_id = "
                    + r
                    + ")")));
    return out.toString();
  }

  private static String plan(Connection c, String title, String sql) throws Exception {
    StringBuilder out = new StringBuilder("\n-- ").append(title).append('\n');
    try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    } catch (java.sql.SQLException e) {
      out.append("(no plan: ").append(e.getMessage()).append(")\n");
    }
    return out.toString();
  }

  private static void exec(Connection c, String sql) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.execute();
    }
  }

  private static UUID uuid(Connection c, String sql) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return (UUID) rs.getObject(1);
    }
  }
}
