package vn.danvan.reporting;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
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

  private static final String COLUMNS =
      "c.id, c.regime_id, c.period, c.collecting_unit_id, c.collecting_unit_path, c.number,"
          + " c.template_id, c.template_number, c.include_submitted, cast(c.units as text),"
          + " cast(c.indicators as text), c.computed_at, c.computed_by";

  /**
   * The submissions of a period (see {@link #states}), their versions read in one join and grouped:
   * the latest version not returned is accepted exactly when it is the latest accepted one (a
   * version's decision is RETURNED, ACCEPTED or none). The benchmark explains it.
   */
  static final String STATES =
      "select s.org_unit_id, s.id, s.status, s.late, s.version_count, s.due_date,"
          + " s.first_submitted_at, a.accepted, a.latest,"
          + " case when a.latest = a.accepted then 'ACCEPTED' end"
          + " from report_submission s"
          + " left join (select v.submission_id,"
          + "   max(v.number) filter (where v.decision = 'ACCEPTED') as accepted,"
          + "   max(v.number) filter (where v.decision is distinct from 'RETURNED') as latest"
          + "   from report_submission_version v join report_submission t on t.id = v.submission_id"
          + "   where t.regime_id = :regime and t.period = :period group by v.submission_id) a"
          + " on a.submission_id = s.id"
          + " where s.regime_id = :regime and s.period = :period";

  /** The values of frozen versions (see {@link #values}); the benchmark explains it. */
  static final String VALUES =
      "select v.submission_id, v.number, cast(v.\"values\" as text)"
          + " from jsonb_to_recordset(cast(:refs as jsonb)) as r(s uuid, n int)"
          + " join report_submission_version v on v.submission_id = r.s and v.number = r.n";

  @Inject EntityManager em;
  @Inject ObjectMapper mapper;

  /** A frozen submission version. */
  record VersionRef(UUID submissionId, int number) {}

  /**
   * Every submission of the period, one row each: status, lateness, due date, the latest accepted
   * version and the latest version not returned with its decision (one join of the period's
   * versions, rather than two probes of the version index per submission).
   */
  List<SubmissionState> states(UUID regimeId, String period) {
    List<?> rows =
        em.createNativeQuery(STATES)
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
    List<?> rows = em.createNativeQuery(VALUES).setParameter("refs", json(keys)).getResultList();
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
        .setParameter("units", json(compactUnits(units)))
        .setParameter("indicators", json(compactIndicators(units, indicators)))
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

  /** The consolidations with these ids (missing ones left out). */
  List<ConsolidationRow> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from report_consolidation c where c.id = any(cast(:ids as uuid[]))")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .getResultList();
    List<ConsolidationRow> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      out.add(row((Object[]) o));
    }
    return out;
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
    List<ConsolidationRow.Unit> units = units((String) r[9]);
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
        units,
        indicators((String) r[10], units),
        PgTypes.instant(r[11]),
        (String) r[12]);
  }

  /**
   * The {@code value} of each entry of a version's values, by indicator code, read with the
   * streaming parser: the other fields of an entry (computed value, source) are skipped, not built.
   */
  private Map<String, JsonNode> entryValues(String text) {
    if (text == null) {
      return Map.of();
    }
    Map<String, JsonNode> out = new HashMap<>();
    try (JsonParser p = mapper.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Map.of();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String code = p.currentName();
        if (p.nextToken() != JsonToken.START_OBJECT) {
          out.put(code, mapper.readTree(p));
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          boolean value = "value".equals(p.currentName());
          p.nextToken();
          if (value) {
            out.put(code, mapper.readTree(p));
          } else {
            p.skipChildren();
          }
        }
      }
      return out;
    } catch (IOException e) {
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

  // ------------------------------------------------------------------ stored form

  /*
   * The unit list of a version is stored compactly (about a third of objects with named fields,
   * ≈ 1 MB for the 3,321 communes): each unit a positional array [unitId, name,
   * transferredFromUnitId, submissionId, status, late, versionNumber, decision] without its
   * trailing nulls, and each indicator's missing units as positions in that list ("missing").
   * Versions stored as objects ({"unitId", …} and "missingUnitIds") read as before.
   */

  private ArrayNode compactUnits(List<ConsolidationRow.Unit> units) {
    ArrayNode out = mapper.createArrayNode();
    for (ConsolidationRow.Unit u : units) {
      ArrayNode a = out.addArray();
      a.add(u.unitId().toString());
      a.add(u.name());
      a.add(text(u.transferredFromUnitId()));
      a.add(text(u.submissionId()));
      a.add(u.status());
      a.add(u.late());
      a.add(u.versionNumber());
      a.add(u.decision());
      while (!a.isEmpty() && a.get(a.size() - 1).isNull()) {
        a.remove(a.size() - 1);
      }
    }
    return out;
  }

  private ArrayNode compactIndicators(
      List<ConsolidationRow.Unit> units, List<ConsolidationRow.Indicator> indicators) {
    Map<UUID, Integer> position = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      position.putIfAbsent(units.get(i).unitId(), i);
    }
    ArrayNode out = mapper.createArrayNode();
    for (ConsolidationRow.Indicator i : indicators) {
      ObjectNode o = out.addObject();
      o.put("code", i.code());
      o.set("value", i.value());
      o.put("valueCount", i.valueCount());
      ArrayNode missing = o.putArray("missing");
      i.missingUnitIds().forEach(u -> missing.add(position.get(u)));
    }
    return out;
  }

  private List<ConsolidationRow.Unit> units(String text) {
    JsonNode doc = tree(text);
    List<ConsolidationRow.Unit> out = new ArrayList<>(doc.size());
    for (JsonNode u : doc) {
      if (u.isObject()) {
        out.add(mapper.convertValue(u, ConsolidationRow.Unit.class));
        continue;
      }
      out.add(
          new ConsolidationRow.Unit(
              uuid(u.get(0)),
              textOrNull(u.get(1)),
              uuid(u.get(2)),
              uuid(u.get(3)),
              textOrNull(u.get(4)),
              u.has(5) && !u.get(5).isNull() ? u.get(5).booleanValue() : null,
              u.has(6) && !u.get(6).isNull() ? u.get(6).intValue() : null,
              textOrNull(u.get(7))));
    }
    return out;
  }

  private List<ConsolidationRow.Indicator> indicators(
      String text, List<ConsolidationRow.Unit> units) {
    JsonNode doc = tree(text);
    List<ConsolidationRow.Indicator> out = new ArrayList<>(doc.size());
    for (JsonNode i : doc) {
      List<UUID> missing = new ArrayList<>();
      if (i.has("missing")) {
        i.get("missing").forEach(p -> missing.add(units.get(p.intValue()).unitId()));
      } else if (i.has("missingUnitIds")) {
        i.get("missingUnitIds").forEach(p -> missing.add(UUID.fromString(p.asText())));
      }
      JsonNode value = i.get("value");
      out.add(
          new ConsolidationRow.Indicator(
              i.get("code").asText(),
              value == null || value.isNull() ? null : value,
              i.path("valueCount").intValue(),
              List.copyOf(missing)));
    }
    return out;
  }

  private JsonNode tree(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static UUID uuid(JsonNode n) {
    return n == null || n.isNull() ? null : UUID.fromString(n.asText());
  }
}
