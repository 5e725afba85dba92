package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
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

  @Inject ReceptionReportRepository repo;
  @Inject ReceptionAccess access;
  @Inject ReceptionConfig config;
  @Inject OrgUnitService units;
  @Inject CurrentUser user;
  @Inject Clock clock;

  // ------------------------------------------------------------------ statistics

  @Transactional(Transactional.TxType.SUPPORTS)
  public StatisticsResponse statistics(
      UUID orgUnitId,
      OrgUnitMode mode,
      LocalDate from,
      LocalDate to,
      ReceptionStatisticsGroupBy groupBy,
      Locale locale) {
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
    StatisticsQuery q = new StatisticsQuery(orgUnitId, m, province, f, t, by, today);
    UUID[] roots = selectedInScope ? null : access.roots();
    Map<String, ReceptionReportRepository.VisitCounts> visitCounts = new HashMap<>();
    repo.visitCounts(q, roots).forEach(c -> visitCounts.put(c.key(), c));
    Map<String, ReceptionReportRepository.CaseCounts> caseCounts = new HashMap<>();
    if (by != ReceptionStatisticsGroupBy.OUTCOME) {
      repo.caseCounts(q, roots).forEach(c -> caseCounts.put(c.key(), c));
    }
    TreeSet<String> keys = new TreeSet<>(visitCounts.keySet());
    keys.addAll(caseCounts.keySet());
    // the units' names in one read for the whole response, not one per group
    Map<UUID, String> names =
        by == ReceptionStatisticsGroupBy.UNIT ? units.namesOn(unitIds(keys), t) : Map.of();
    List<StatisticsResponse.Row> items = new ArrayList<>();
    for (String key : keys) {
      items.add(row(key, label(by, key, names, locale), visitCounts.get(key), caseCounts.get(key)));
    }
    return new StatisticsResponse(
        by, f, t, items, total(LabeledEnum.text("ReceptionStatistics.TOTAL", locale), items));
  }

  private static StatisticsResponse.Row row(
      String key,
      String label,
      ReceptionReportRepository.VisitCounts v,
      ReceptionReportRepository.CaseCounts c) {
    return new StatisticsResponse.Row(
        key,
        label,
        v == null ? 0 : v.visits(),
        v == null ? 0 : v.people(),
        v == null ? 0 : v.groups(),
        v == null ? 0 : v.anonymousDenunciations(),
        c == null ? 0 : c.accepted(),
        c == null ? 0 : c.resolved(),
        c == null ? 0 : c.overdue());
  }

  private static StatisticsResponse.Row total(String label, List<StatisticsResponse.Row> items) {
    return new StatisticsResponse.Row(
        "TOTAL",
        label,
        items.stream().mapToLong(StatisticsResponse.Row::visits).sum(),
        items.stream().mapToLong(StatisticsResponse.Row::people).sum(),
        items.stream().mapToLong(StatisticsResponse.Row::groups).sum(),
        items.stream().mapToLong(StatisticsResponse.Row::anonymousDenunciations).sum(),
        items.stream().mapToLong(StatisticsResponse.Row::casesAccepted).sum(),
        items.stream().mapToLong(StatisticsResponse.Row::casesResolved).sum(),
        items.stream().mapToLong(StatisticsResponse.Row::casesOverdue).sum());
  }

  /** The group keys that are unit ids. */
  private static List<UUID> unitIds(Collection<String> keys) {
    List<UUID> ids = new ArrayList<>();
    for (String key : keys) {
      try {
        ids.add(UUID.fromString(key));
      } catch (IllegalArgumentException e) {
        // not a unit: labelled by its key
      }
    }
    return ids;
  }

  /**
   * The label of a group in the caller's language; unit names are the units' own ({@code names},
   * read once for the response).
   */
  private static String label(
      ReceptionStatisticsGroupBy by, String key, Map<UUID, String> names, Locale locale) {
    try {
      return switch (by) {
        case CONTENT_KIND -> ContentKind.valueOf(key).labelIn(locale);
        case FIELD -> VisitField.valueOf(key).labelIn(locale);
        case OUTCOME ->
            key.equals("NONE")
                ? LabeledEnum.text("ReceptionStatistics.NO_OUTCOME", locale)
                : VisitOutcome.valueOf(key).labelIn(locale);
        case MONTH -> monthLabel(YearMonth.parse(key), locale);
        case UNIT -> names.getOrDefault(UUID.fromString(key), key);
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return key;
    }
  }

  /** "Tháng 5/2032", "May 2032". */
  static String monthLabel(YearMonth month, Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
        ? month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear()
        : "Tháng " + month.getMonthValue() + "/" + month.getYear();
  }

  private static void range(LocalDate from, LocalDate to) {
    if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw ApiException.invalid("/query/from", "field.PERIOD_RANGE", MAX_DAYS);
    }
  }

  // ------------------------------------------------------------------ report figures

  /**
   * The visit figures of a report (issue 11 §5): visits received by {@code units} on the days of
   * [{@code from}, {@code to}], as the statistics count them, in total and by content kind.
   */
  public record VisitFigures(
      long visits,
      long people,
      long groups,
      long anonymousDenunciations,
      Map<ContentKind, Long> visitsByKind) {}

  /**
   * The case figures of a report: cases received by the units in the window, with their state on
   * the report's day (accepted, resolved, resolved by the due date, overdue).
   */
  public record CaseFigures(long accepted, long resolved, long resolvedOnTime, long overdue) {}

  /**
   * Head-of-unit reception of a report's units that the compliance rule covers: the days a head (or
   * a delegated deputy) held it, and the required days missed (the compliance endpoint's missed
   * periods).
   */
  public record HeadReceptionFigures(long daysHeld, long daysMissed) {}

  /**
   * For the reports: the visit figures of {@code units} (no scope check: the caller decides who
   * reads them). One aggregate over the visits of the units, grouped by content kind.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public VisitFigures visitFigures(List<UUID> units, LocalDate from, LocalDate to) {
    Map<ContentKind, Long> byKind = new java.util.EnumMap<>(ContentKind.class);
    for (ContentKind k : ContentKind.values()) {
      byKind.put(k, 0L);
    }
    long visits = 0;
    long people = 0;
    long groups = 0;
    long anonymous = 0;
    if (!units.isEmpty()) {
      for (ReceptionReportRepository.VisitCounts c :
          repo.visitCounts(StatisticsQuery.figures(units, from, to, to), null)) {
        byKind.put(ContentKind.valueOf(c.key()), c.visits());
        visits += c.visits();
        people += c.people();
        groups += c.groups();
        anonymous += c.anonymousDenunciations();
      }
    }
    return new VisitFigures(visits, people, groups, anonymous, byKind);
  }

  /**
   * For the reports: the cases {@code units} received in [{@code from}, {@code to}] and their
   * states on {@code day} (no scope check). One aggregate over the cases of the units.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CaseFigures caseFigures(List<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    long[] n = new long[4];
    if (!units.isEmpty()) {
      for (ReceptionReportRepository.CaseCounts c :
          repo.caseCounts(StatisticsQuery.figures(units, from, to, day), null)) {
        n[0] += c.accepted();
        n[1] += c.resolved();
        n[2] += c.resolvedOnTime();
        n[3] += c.overdue();
      }
    }
    return new CaseFigures(n[0], n[1], n[2], n[3]);
  }

  /**
   * For the reports: head-of-unit reception of those of {@code units} (valid units, by id, with
   * their kind) that the compliance rule covers, over [{@code from}, {@code to}]: the days held (by
   * the head or a delegated deputy) and the whole periods over by today that had none, exactly as
   * the compliance endpoint counts them. One query of the sessions.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public HeadReceptionFigures headReceptionFigures(
      Map<UUID, OrgUnitKind> units, LocalDate from, LocalDate to) {
    Map<String, CompliancePeriod> rules = config.compliance();
    Map<UUID, CompliancePeriod> targets = new HashMap<>();
    units.forEach(
        (id, kind) -> {
          CompliancePeriod p = rules.get(kind.name());
          if (p != null) {
            targets.put(id, p);
          }
        });
    if (targets.isEmpty()) {
      return new HeadReceptionFigures(0, 0);
    }
    LocalDate today = BusinessTime.today(clock);
    Map<UUID, Map<LocalDate, HostRole>> held = new HashMap<>();
    for (ReceptionReportRepository.HeldDay d :
        repo.heldDays(List.copyOf(targets.keySet()), from, to)) {
      held.computeIfAbsent(d.unitId(), k -> new HashMap<>())
          .put(d.day(), d.head() ? HostRole.HEAD : HostRole.DEPUTY_DELEGATED);
    }
    long days = 0;
    long missed = 0;
    for (Map.Entry<UUID, CompliancePeriod> t : targets.entrySet()) {
      Map<LocalDate, HostRole> unitDays = held.getOrDefault(t.getKey(), Map.of());
      days += unitDays.size();
      Map<String, LocalDate[]> periods = periods(t.getValue(), from, to, today);
      for (LocalDate[] p : periods.values()) {
        if (unitDays.keySet().stream().noneMatch(d -> !d.isBefore(p[0]) && !d.isAfter(p[1]))) {
          missed++;
        }
      }
    }
    return new HeadReceptionFigures(days, missed);
  }

  // ------------------------------------------------------------------ compliance

  /** The filters of the compliance list (its cursor is bound to them). */
  private record ComplianceQuery(UUID root, LocalDate from, LocalDate to) {}

  @Transactional(Transactional.TxType.SUPPORTS)
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
    String list = Cursor.tag("reception-compliance", new ComplianceQuery(root, f, t));
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
    for (ReceptionReportRepository.HeldDay d :
        repo.heldDays(targets.stream().map(OrgUnitResponse::id).toList(), f, t)) {
      held.computeIfAbsent(d.unitId(), k -> new HashMap<>())
          .put(d.day(), d.head() ? HostRole.HEAD : HostRole.DEPUTY_DELEGATED);
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
