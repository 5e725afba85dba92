package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.NationalDataset;

/**
 * Not a timed test: the figures of issue 11 §10 on the national tree (3,321 communes, each with an
 * accepted report of the demo template), logged with the plans of the set-based queries. Run with
 * {@code -Ddanvan.benchmark=true -Dtest=ReportingNationalBenchmark}.
 */
@QuarkusTest
@TestProfile(ReportingNationalBenchmark.National.class)
@EnabledIfSystemProperty(named = "danvan.benchmark", matches = "true")
class ReportingNationalBenchmark {

  /** The database of the national tree, beside the demo world (as the national dataset test). */
  public static class National implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("danvan.embedded-db.database", "national");
    }
  }

  private static final Logger LOG = Logger.getLogger(ReportingNationalBenchmark.class);

  @Inject NationalDataset dataset;
  @Inject DataSource dataSource;

  @Test
  void consolidationAndCompletenessOfTheWholeCountry() throws Exception {
    dataset.load();
    Map<String, Object> b = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    b.put("frequency", "SEMI_ANNUAL");
    b.put("firstPeriod", "2026S1");
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
    String regime = ReportingRegimeFixtures.createdId("admin", b);
    int expected =
        ReportingRegimeFixtures.period("admin", regime, "2026S1")
            .jsonPath()
            .getInt("expectedUnitCount");
    LOG.infof("expected units: %d", expected);
    try (Connection c = dataSource.getConnection()) {
      // one accepted report per commune: the demo template's 30 indicators, {"value": n}
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
          "update report_submission set status = 'SUBMITTED', accepted_at = null where random() < 0.1");
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
      LOG.info(
          plan(
              c,
              "explain (analyze, buffers) select s.org_unit_id, s.id, s.status, s.late, s.version_count,"
                  + " s.due_date, s.first_submitted_at, (select max(a.number) from report_submission_version a"
                  + " where a.submission_id = s.id and a.decision = 'ACCEPTED'), o.number, o.decision"
                  + " from report_submission s left join lateral (select v.number, v.decision from"
                  + " report_submission_version v where v.submission_id = s.id and v.decision is distinct"
                  + " from 'RETURNED' order by v.number desc limit 1) o on true"
                  + " where s.regime_id = '"
                  + regime
                  + "' and s.period = '2026S1'"));
      LOG.info(
          plan(
              c,
              "explain (analyze, buffers) select v.submission_id, v.number, cast(v.\"values\" as text)"
                  + " from jsonb_to_recordset((select jsonb_agg(jsonb_build_object('s', s.id, 'n', 1))"
                  + " from report_submission s where s.regime_id = '"
                  + regime
                  + "')) as r(s uuid, n int)"
                  + " join report_submission_version v on v.submission_id = r.s and v.number = r.n"));
    }
    // warm up, then measure over HTTP (as admin: no scope lookups)
    for (int i = 0; i < 3; i++) {
      completeness(regime);
      consolidate(regime);
    }
    List<Long> completeness = new ArrayList<>();
    List<Long> consolidation = new ArrayList<>();
    List<Long> read = new ArrayList<>();
    String id = null;
    for (int i = 0; i < 7; i++) {
      long t0 = System.nanoTime();
      completeness(regime);
      long t1 = System.nanoTime();
      id = consolidate(regime);
      long t2 = System.nanoTime();
      json("admin").get("/api/v1/report-consolidations/" + id).then().statusCode(200);
      long t3 = System.nanoTime();
      completeness.add((t1 - t0) / 1_000_000);
      consolidation.add((t2 - t1) / 1_000_000);
      read.add((t3 - t2) / 1_000_000);
    }
    LOG.infof(
        "national benchmark over %d communes, ms per call (HTTP, JSON included): completeness %s,"
            + " consolidation %s, read of a consolidation %s",
        expected, completeness, consolidation, read);
  }

  private static void completeness(String regime) {
    Response r =
        json("admin")
            .queryParam("regimeId", regime)
            .queryParam("period", "2026S1")
            .get("/api/v1/report-completeness");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
  }

  private static String consolidate(String regime) {
    Response r =
        json("admin")
            .body(Map.of("regimeId", regime, "period", "2026S1"))
            .post("/api/v1/report-consolidations");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  private static void exec(Connection c, String sql) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.execute();
    }
  }

  private static String plan(Connection c, String sql) throws Exception {
    StringBuilder out = new StringBuilder("\n");
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString();
  }
}
