package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.reference.LabeledEnum;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.time.BusinessTime;

/** Head-of-unit compliance and the statistics that reports need: counts only, never people. */
@ApplicationScoped
public class ReceptionReportService {

  static final int MAX_DAYS = 3660;

  @Inject EntityManager em;
  @Inject ReceptionAccess access;
  @Inject ReceptionConfig config;
  @Inject OrgUnitService units;
  @Inject CurrentUser user;
  @Inject Clock clock;

  // ------------------------------------------------------------------ statistics

  @Transactional
  public StatisticsResponse statistics(
      UUID orgUnitId,
      OrgUnitMode mode,
      LocalDate from,
      LocalDate to,
      ReceptionStatisticsGroupBy groupBy) {
    LocalDate today = BusinessTime.today(clock);
    LocalDate f = from == null ? today.withDayOfYear(1) : from;
    LocalDate t = to == null ? today : to;
    range(f, t);
    ReceptionStatisticsGroupBy by =
        groupBy == null ? ReceptionStatisticsGroupBy.CONTENT_KIND : groupBy;
    if (orgUnitId == null && !access.unrestricted()) {
      // a restricted caller's figures default to its own unit's subtree
      orgUnitId = user.homeUnitId().orElse(null);
    }
    OrgUnitMode m = orgUnitId == null ? null : mode == null ? OrgUnitMode.DESCENDANTS : mode;

    // a selected unit inside the caller's scope needs no per-row scope test: its subtree is in
    // scope
    boolean selectedInScope = false;
    boolean province = false;
    if (orgUnitId != null) {
      Optional<OrgUnitResponse> unit = units.find(orgUnitId, t);
      selectedInScope = unit.isPresent() && access.contains(unit.get().path().toArray(UUID[]::new));
      province =
          unit.isPresent()
              && unit.get().kind() == OrgUnitKind.PROVINCE
              && m == OrgUnitMode.DESCENDANTS;
    }
    ReceptionRepository.Where vw = new ReceptionRepository.Where();
    ReceptionRepository.Where cw = new ReceptionRepository.Where();
    if (province) {
      // a province is always the second element of a stored path: an index range, not an array test
      vw.add("v.unit_path[2] = :unit", "unit", orgUnitId);
      cw.add("c.unit_path[2] = :unit", "unit", orgUnitId);
    } else {
      ReceptionRepository.unitFilter(vw, "v", orgUnitId, m);
      ReceptionRepository.unitFilter(cw, "c", orgUnitId, m);
    }
    vw.add("v.received_date between :from and :to", "from", f);
    vw.params.put("to", t);
    cw.add("c.received_date between :from and :to", "from", f);
    cw.params.put("to", t);
    if (!access.unrestricted() && !selectedInScope) {
      vw.add("v.unit_path && cast(:roots as uuid[])", "roots", access.roots());
      cw.add("c.unit_path && cast(:roots as uuid[])", "roots", access.roots());
    }
    String vKey = key(by, "v", orgUnitId, m, province);
    Query vq =
        em.createNativeQuery(
            "select "
                + vKey
                + " k, count(*), coalesce(sum(v.group_size), 0), count(*) filter (where v.group_size >= 5),"
                + " count(*) filter (where v.content_kind = 'DENUNCIATION' and v.anonymous)"
                + " from reception_visit v where "
                + vw.sql()
                + " group by 1");
    vw.bind(vq);
    Map<String, long[]> rows = new TreeMap<>();
    for (Object o : vq.getResultList()) {
      Object[] r = (Object[]) o;
      long[] a = rows.computeIfAbsent(String.valueOf(r[0]), k -> new long[7]);
      for (int i = 0; i < 4; i++) {
        a[i] = ((Number) r[i + 1]).longValue();
      }
    }
    if (by != ReceptionStatisticsGroupBy.OUTCOME) {
      String cKey = key(by, "c", orgUnitId, m, province);
      Query cq =
          em.createNativeQuery(
              "select "
                  + cKey
                  + " k, count(*) filter (where c.accepted_date is not null),"
                  + " count(*) filter (where c.resolved_date is not null),"
                  + " count(*) filter (where c.status in ('RECEIVED','ACCEPTED') and ((c.accepted_date is null and c.acceptance_due_date < :today)"
                  + " or (c.accepted_date is not null and c.resolved_date is null and c.resolution_due_date < :today)))"
                  + " from reception_case c where "
                  + cw.sql()
                  + " group by 1");
      cw.bind(cq);
      cq.setParameter("today", today);
      for (Object o : cq.getResultList()) {
        Object[] r = (Object[]) o;
        long[] a = rows.computeIfAbsent(String.valueOf(r[0]), k -> new long[7]);
        for (int i = 0; i < 3; i++) {
          a[i + 4] = ((Number) r[i + 1]).longValue();
        }
      }
    }
    List<StatisticsResponse.Row> items = new ArrayList<>();
    long[] total = new long[7];
    for (Map.Entry<String, long[]> e : rows.entrySet()) {
      long[] a = e.getValue();
      for (int i = 0; i < 7; i++) {
        total[i] += a[i];
      }
      items.add(row(e.getKey(), label(by, e.getKey(), t), a));
    }
    return new StatisticsResponse(by, f, t, items, row("TOTAL", "Tổng cộng", total));
  }

  private static StatisticsResponse.Row row(String key, String label, long[] a) {
    return new StatisticsResponse.Row(key, label, a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
  }

  /** The group key of a row; UNIT groups by the child of the selected unit the row lies under. */
  private static String key(
      ReceptionStatisticsGroupBy by, String a, UUID unit, OrgUnitMode mode, boolean province) {
    return switch (by) {
      case CONTENT_KIND -> a.equals("v") ? "v.content_kind" : "c.kind";
      case FIELD -> a + ".field";
      case OUTCOME -> "coalesce(v.outcome, 'NONE')";
      case MONTH -> "to_char(" + a + ".received_date, 'YYYY-MM')";
      case UNIT ->
          province
              ? "cast(coalesce(" + a + ".unit_path[3], " + a + ".unit_id) as text)"
              : unit == null || mode == OrgUnitMode.SELECTED
                  ? "cast(" + a + ".unit_id as text)"
                  : "cast(coalesce("
                      + a
                      + ".unit_path[array_position("
                      + a
                      + ".unit_path, cast(:unit as uuid)) + 1], "
                      + a
                      + ".unit_id) as text)";
    };
  }

  private String label(ReceptionStatisticsGroupBy by, String key, LocalDate day) {
    try {
      return switch (by) {
        case CONTENT_KIND -> labelOf(ContentKind.valueOf(key));
        case FIELD -> labelOf(VisitField.valueOf(key));
        case OUTCOME ->
            key.equals("NONE") ? "Chưa ghi kết quả" : labelOf(VisitOutcome.valueOf(key));
        case MONTH -> key;
        case UNIT -> units.find(UUID.fromString(key), day).map(OrgUnitResponse::name).orElse(key);
      };
    } catch (IllegalArgumentException e) {
      return key;
    }
  }

  private static String labelOf(LabeledEnum e) {
    return e.labelVi();
  }

  private static void range(LocalDate from, LocalDate to) {
    if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw ApiException.invalid("/from", "field.PERIOD_RANGE", MAX_DAYS);
    }
  }

  // ------------------------------------------------------------------ compliance

  @Transactional
  public ComplianceResponse compliance(
      UUID orgUnitId, LocalDate from, LocalDate to, PageRequest paging) {
    LocalDate today = BusinessTime.today(clock);
    LocalDate t = to == null ? today : to;
    LocalDate f = from == null ? t.minusMonths(3) : from;
    range(f, t);
    UUID root =
        orgUnitId != null ? orgUnitId : user.homeUnitId().orElse(vn.danvan.orgunit.UnitIds.ROOT);
    OrgUnitResponse top = units.find(root, t).orElse(null);
    if (top == null || !access.contains(top.path().toArray(UUID[]::new))) {
      throw ApiException.notFound("entity.ORG_UNIT");
    }
    Map<String, CompliancePeriod> rules = config.compliance();
    List<OrgUnitResponse> targets = new ArrayList<>();
    if (rules.containsKey(top.kind().name())) {
      targets.add(top);
    }
    for (String kind : rules.keySet()) {
      OrgUnitKind k;
      try {
        k = OrgUnitKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        continue;
      }
      String cursor = null;
      do {
        Page<OrgUnitResponse> page = units.descendants(root, t, k, PageRequest.of(500, cursor));
        targets.addAll(page.items().stream().filter(OrgUnitResponse::active).toList());
        cursor = page.next();
      } while (cursor != null);
    }
    // one page of units by (name, id); sessions are read for that page only
    String list = "reception-compliance:" + root + ":" + f + ":" + t;
    Cursor.Keys keys = paging.keys(list, Cursor.KeyType.TEXT, Cursor.KeyType.UUID);
    Comparator<OrgUnitResponse> order =
        Comparator.comparing(OrgUnitResponse::name).thenComparing(OrgUnitResponse::id);
    Map<UUID, OrgUnitResponse> distinct = new LinkedHashMap<>();
    targets.forEach(u -> distinct.putIfAbsent(u.id(), u));
    targets =
        distinct.values().stream()
            .filter(
                u ->
                    keys == null
                        || u.name().compareTo(keys.text(0)) > 0
                        || (u.name().equals(keys.text(0)) && u.id().compareTo(keys.uuid(1)) > 0))
            .sorted(order)
            .limit(paging.fetchSize())
            .toList();
    Map<UUID, Map<LocalDate, HostRole>> held = new HashMap<>();
    if (!targets.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select unit_id, session_date, bool_or(host_role = 'HEAD') from reception_session"
                      + " where host_role in ('HEAD','DEPUTY_DELEGATED') and session_date between :f and :t"
                      + " and unit_id = any(cast(:ids as uuid[])) group by unit_id, session_date")
              .setParameter("f", f)
              .setParameter("t", t)
              .setParameter(
                  "ids",
                  "{"
                      + String.join(",", targets.stream().map(u -> u.id().toString()).toList())
                      + "}")
              .getResultList();
      for (Object[] r : rows) {
        held.computeIfAbsent((UUID) r[0], k -> new HashMap<>())
            .put(
                r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1],
                Boolean.TRUE.equals(r[2]) ? HostRole.HEAD : HostRole.DEPUTY_DELEGATED);
      }
    }
    Page<ComplianceResponse.UnitCompliance> items =
        Page.of(
            targets,
            paging.limit(),
            u ->
                unitCompliance(
                    u,
                    rules.get(u.kind().name()),
                    f,
                    t,
                    today,
                    held.getOrDefault(u.id(), Map.of())),
            u -> Cursor.encode(list, u.name(), u.id()));
    return new ComplianceResponse(f, t, items.items(), items.next());
  }

  /** Periods that lie within [from, to] and have ended by today; each needs one head's day. */
  static ComplianceResponse.UnitCompliance unitCompliance(
      OrgUnitResponse u,
      CompliancePeriod period,
      LocalDate from,
      LocalDate to,
      LocalDate today,
      Map<LocalDate, HostRole> days) {
    Map<String, LocalDate[]> periods = periods(period, from, to, today);
    List<String> missed = new ArrayList<>();
    List<String> deputy = new ArrayList<>();
    int head = 0;
    for (Map.Entry<String, LocalDate[]> p : periods.entrySet()) {
      Optional<HostRole> best =
          days.entrySet().stream()
              .filter(
                  d ->
                      !d.getKey().isBefore(p.getValue()[0]) && !d.getKey().isAfter(p.getValue()[1]))
              .map(Map.Entry::getValue)
              .reduce((a, b) -> a == HostRole.HEAD || b == HostRole.HEAD ? HostRole.HEAD : a);
      if (best.isEmpty()) {
        missed.add(p.getKey());
      } else if (best.get() == HostRole.HEAD) {
        head++;
      } else {
        deputy.add(p.getKey());
      }
    }
    return new ComplianceResponse.UnitCompliance(
        u.id(),
        u.name(),
        u.kind(),
        period,
        periods.size(),
        head,
        deputy.size(),
        missed.size(),
        missed,
        deputy);
  }

  static Map<String, LocalDate[]> periods(
      CompliancePeriod period, LocalDate from, LocalDate to, LocalDate today) {
    Map<String, LocalDate[]> out = new LinkedHashMap<>();
    LocalDate start =
        period == CompliancePeriod.WEEK
            ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            : from.withDayOfMonth(1);
    while (!start.isAfter(to)) {
      LocalDate end =
          period == CompliancePeriod.WEEK
              ? start.plusDays(6)
              : start.with(TemporalAdjusters.lastDayOfMonth());
      // only whole periods inside the range that are over
      if (!start.isBefore(from) && !end.isAfter(to) && end.isBefore(today)) {
        String id =
            period == CompliancePeriod.WEEK
                ? String.format(
                    "%d-W%02d",
                    start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : String.format("%d-%02d", start.getYear(), start.getMonthValue());
        out.put(id, new LocalDate[] {start, end});
      }
      start = period == CompliancePeriod.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }
    return out;
  }
}
