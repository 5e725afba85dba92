package vn.danvan.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/**
 * SQL of consolidation and completeness: the state of the submissions of a period (tables of V22,
 * read set-based, one row per submission), the values of frozen submission versions, and the
 * consolidation versions (V23).
 */
@ApplicationScoped
class ReportConsolidationRepository {

  private static final TypeReference<List<ConsolidationRow.Unit>> UNITS = new TypeReference<>() {};
  private static final TypeReference<List<ConsolidationRow.Indicator>> INDICATORS =
      new TypeReference<>() {};

  private static final String COLUMNS =
      "c.id, c.regime_id, c.period, c.collecting_unit_id, c.collecting_unit_path, c.number,"
          + " c.template_id, c.template_number, c.include_submitted, cast(c.units as text),"
          + " cast(c.indicators as text), c.computed_at, c.computed_by";

  @Inject EntityManager em;
  @Inject ObjectMapper mapper;

  /** A frozen submission version. */
  record VersionRef(UUID submissionId, int number) {}

  /**
   * Every submission of the period, one row each: status, lateness, due date, the latest accepted
   * version and the latest version not returned (two probes of the version index per submission).
   */
  List<SubmissionState> states(UUID regimeId, String period) {
    List<?> rows =
        em.createNativeQuery(
                "select s.org_unit_id, s.id, s.status, s.late, s.version_count, s.due_date,"
                    + " s.first_submitted_at,"
                    + " (select max(a.number) from report_submission_version a"
                    + "   where a.submission_id = s.id and a.decision = 'ACCEPTED'),"
                    + " o.number, o.decision"
                    + " from report_submission s"
                    + " left join lateral (select v.number, v.decision from report_submission_version v"
                    + "   where v.submission_id = s.id and v.decision is distinct from 'RETURNED'"
                    + "   order by v.number desc limit 1) o on true"
                    + " where s.regime_id = :regime and s.period = :period")
            .setParameter("regime", regimeId)
            .setParameter("period", period)
            .getResultList();
    List<SubmissionState> states = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      states.add(
          new SubmissionState(
              PgTypes.uuid(r[0]),
              PgTypes.uuid(r[1]),
              (String) r[2],
              (Boolean) r[3],
              PgTypes.intValue(r[4]),
              PgTypes.toDate(r[5]),
              PgTypes.instant(r[6]),
              r[7] == null ? null : PgTypes.intValue(r[7]),
              r[8] == null ? null : PgTypes.intValue(r[8]),
              (String) r[9]));
    }
    return states;
  }

  /**
   * The values of frozen versions by indicator code: the {@code value} of each entry (an entry that
   * is not an object is taken as the value itself), extracted in SQL so that only the values
   * travel.
   */
  Map<VersionRef, Map<String, JsonNode>> values(Collection<VersionRef> refs) {
    Map<VersionRef, Map<String, JsonNode>> values = new HashMap<>();
    if (refs.isEmpty()) {
      return values;
    }
    List<Map<String, Object>> keys = new ArrayList<>(refs.size());
    for (VersionRef ref : refs) {
      keys.add(Map.of("s", ref.submissionId(), "n", ref.number()));
    }
    List<?> rows =
        em.createNativeQuery(
                "select v.submission_id, v.number, cast(v.\"values\" as text)"
                    + " from jsonb_to_recordset(cast(:refs as jsonb)) as r(s uuid, n int)"
                    + " join report_submission_version v on v.submission_id = r.s and v.number = r.n")
            .setParameter("refs", json(keys))
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      values.put(
          new VersionRef(PgTypes.uuid(r[0]), PgTypes.intValue(r[1])), entryValues((String) r[2]));
    }
    return values;
  }

  /**
   * Stores a new version numbered after the latest of its regime, period and collecting unit; the
   * number is taken under a transaction-scoped advisory lock on that triple.
   */
  int insert(
      UUID id,
      UUID regimeId,
      String period,
      UUID collectingUnitId,
      UUID[] collectingUnitPath,
      UUID templateId,
      int templateNumber,
      boolean includeSubmitted,
      List<ConsolidationRow.Unit> units,
      List<ConsolidationRow.Indicator> indicators,
      Instant computedAt,
      String computedBy) {
    em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:key, 0)) as text)")
        .setParameter(
            "key", "report_consolidation:" + regimeId + ":" + period + ":" + collectingUnitId)
        .getSingleResult();
    int number =
        PgTypes.intValue(
                em.createNativeQuery(
                        "select coalesce(max(number), 0) from report_consolidation"
                            + " where regime_id = :regime and period = :period and collecting_unit_id = :unit")
                    .setParameter("regime", regimeId)
                    .setParameter("period", period)
                    .setParameter("unit", collectingUnitId)
                    .getSingleResult())
            + 1;
    em.createNativeQuery(
            "insert into report_consolidation (id, regime_id, period, collecting_unit_id,"
                + " collecting_unit_path, number, template_id, template_number, include_submitted,"
                + " units, indicators, computed_at, computed_by) values (:id, :regime, :period, :unit,"
                + " cast(:path as uuid[]), :number, :template, :templateNumber, :includeSubmitted,"
                + " cast(:units as jsonb), cast(:indicators as jsonb), :at, :by)")
        .setParameter("id", id)
        .setParameter("regime", regimeId)
        .setParameter("period", period)
        .setParameter("unit", collectingUnitId)
        .setParameter("path", collectingUnitPath)
        .setParameter("number", number)
        .setParameter("template", templateId)
        .setParameter("templateNumber", templateNumber)
        .setParameter("includeSubmitted", includeSubmitted)
        .setParameter("units", json(units))
        .setParameter("indicators", json(indicators))
        .setParameter("at", PgTypes.timestamp(computedAt))
        .setParameter("by", computedBy)
        .executeUpdate();
    return number;
  }

  ConsolidationRow find(UUID id) {
    List<?> rows =
        em.createNativeQuery("select " + COLUMNS + " from report_consolidation c where c.id = :id")
            .setParameter("id", id)
            .getResultList();
    return rows.isEmpty() ? null : row((Object[]) rows.get(0));
  }

  /** The versions of {@code query}, newest first, below {@code beforeNumber} when given. */
  List<ConsolidationRow> page(ConsolidationQuery query, Integer beforeNumber, int fetch) {
    StringBuilder sql =
        new StringBuilder("select ")
            .append(COLUMNS)
            .append(
                " from report_consolidation c where c.regime_id = :regime and c.period = :period"
                    + " and c.collecting_unit_id = :unit");
    if (beforeNumber != null) {
      sql.append(" and c.number < :before");
    }
    sql.append(" order by c.number desc limit :fetch");
    var q =
        em.createNativeQuery(sql.toString())
            .setParameter("regime", query.regimeId())
            .setParameter("period", query.period())
            .setParameter("unit", query.collectingUnitId())
            .setParameter("fetch", fetch);
    if (beforeNumber != null) {
      q.setParameter("before", beforeNumber);
    }
    List<?> rows = q.getResultList();
    List<ConsolidationRow> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      out.add(row((Object[]) o));
    }
    return out;
  }

  /**
   * The latest consolidation of {@code period} collected by one of {@code units} (on template
   * {@code templateId} when given), by computation time.
   */
  ConsolidationRow latest(String period, Collection<UUID> units, UUID templateId) {
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from report_consolidation c where c.period = :period"
                    + " and c.collecting_unit_id = any(cast(:units as uuid[]))"
                    + " and (cast(:template as uuid) is null or c.template_id = cast(:template as uuid))"
                    + " order by c.computed_at desc, c.number desc limit 1")
            .setParameter("period", period)
            .setParameter("units", PgTypes.uuidArray(units))
            .setParameter("template", templateId == null ? null : templateId.toString())
            .getResultList();
    return rows.isEmpty() ? null : row((Object[]) rows.get(0));
  }

  private ConsolidationRow row(Object[] r) {
    return new ConsolidationRow(
        PgTypes.uuid(r[0]),
        PgTypes.uuid(r[1]),
        (String) r[2],
        PgTypes.uuid(r[3]),
        PgTypes.uuids(r[4]),
        PgTypes.intValue(r[5]),
        PgTypes.uuid(r[6]),
        PgTypes.intValue(r[7]),
        (Boolean) r[8],
        read((String) r[9], UNITS),
        read((String) r[10], INDICATORS),
        PgTypes.instant(r[11]),
        (String) r[12]);
  }

  /** The {@code value} of each entry of a version's values, by indicator code. */
  private Map<String, JsonNode> entryValues(String text) {
    if (text == null) {
      return Map.of();
    }
    try {
      JsonNode doc = mapper.readTree(text);
      Map<String, JsonNode> out = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : doc.properties()) {
        JsonNode v = e.getValue();
        JsonNode value = v.isObject() ? v.get("value") : v;
        if (value != null) {
          out.put(e.getKey(), value);
        }
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String json(Object o) {
    try {
      return mapper.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
