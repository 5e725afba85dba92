package vn.danvan.reception;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * Head-of-unit reception days as agenda obligations ({@code HEAD_RECEPTION_DAY}; Law on Citizen
 * Reception 2013, Art. 18): one per unit and period, for exactly the units the compliance endpoint
 * reports on (the selected unit when its kind has a rule in {@code danvan.reception.compliance},
 * and the units of those kinds below it, valid on the query's day) and the whole periods of the
 * unit's rule (ISO weeks or months) from {@code danvan.reception.head-reception-from} and the
 * unit's first day, up to the period that holds the query's day.
 *
 * <ul>
 *   <li>Due on the period's last day; done on the first day of the period on which the head (or a
 *       deputy the head delegated) held a session, as the compliance endpoint counts it: a period
 *       the endpoint lists as missed is {@code OVERDUE} here on the same day. A day held after the
 *       period belongs to another one, so an entry is never done late.
 *   <li>The id is a name-based UUID of the unit and the period; the link opens the compliance of
 *       the unit over the period.
 * </ul>
 *
 * <p>Queries per call: one for the units under the selected unit or the scope roots (none when the
 * tree has not changed since the same units were read), one for the days held (over the periods a
 * page reaches, or all of them when a state is asked for).
 */
@ApplicationScoped
public class HeadReceptionObligations implements ObligationSource {

  private static final ObligationKind KIND = ObligationKind.HEAD_RECEPTION_DAY;
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject ReceptionReportRepository repo;
  @Inject ReceptionConfig config;
  @Inject OrgUnitService units;

  /** A unit that owes reception days: its rule and the start of its first whole period. */
  private record Owing(UUID id, List<UUID> path, CompliancePeriod rule, LocalDate firstStart) {}

  /** One period of a rule. */
  private record Period(CompliancePeriod rule, String key, LocalDate start, LocalDate end) {}

  @Override
  public Set<ObligationKind> kinds() {
    return Set.of(KIND);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Obligation> page(ObligationQuery q) {
    if (!q.kinds().contains(KIND) || q.limit() <= 0) {
      return List.of();
    }
    List<Owing> owing = owing(q);
    NavigableMap<LocalDate, List<Period>> byDue = periods(owing, q);
    if (owing.isEmpty() || byDue.isEmpty()) {
      return List.of();
    }
    NavigableMap<LocalDate, List<Period>> ordered = q.descending() ? byDue.descendingMap() : byDue;
    if (q.after() != null) {
      // the cursor's own due date may still hold entries after it
      ordered = ordered.tailMap(q.after().dueDate(), true);
    }
    Map<CompliancePeriod, List<Owing>> byRule = byRule(owing);
    // without a state filter every candidate is an entry: the days held are read only for the
    // periods the page reaches (the cursor's own due date counted as giving none)
    List<LocalDate> dues = new ArrayList<>();
    long reached = 0;
    for (Map.Entry<LocalDate, List<Period>> e : ordered.entrySet()) {
      dues.add(e.getKey());
      if (q.state() == null) {
        if (q.after() == null || !e.getKey().equals(q.after().dueDate())) {
          for (Period p : e.getValue()) {
            reached +=
                byRule.getOrDefault(p.rule(), List.of()).stream()
                    .filter(u -> !u.firstStart().isAfter(p.start()))
                    .count();
          }
        }
        if (reached >= q.limit()) {
          break;
        }
      }
    }
    List<Period> touched = dues.stream().flatMap(d -> byDue.get(d).stream()).toList();
    Map<UUID, TreeSet<LocalDate>> held = held(owing, touched, q.day());
    Comparator<Obligation> order = Comparator.comparing(Obligation::key, ObligationKey.ORDER);
    List<Obligation> out = new ArrayList<>();
    for (LocalDate due : dues) {
      List<Obligation> atDue = new ArrayList<>();
      for (Period p : byDue.get(due)) {
        for (Owing u : byRule.getOrDefault(p.rule(), List.of())) {
          if (u.firstStart().isAfter(p.start())) {
            continue;
          }
          UUID id = id(u.id(), p);
          if (!q.isAfterCursor(new ObligationKey(due, KIND, id))) {
            continue;
          }
          LocalDate done = firstHeld(held.get(u.id()), p, q.day());
          ObligationState state = ObligationState.of(p.end(), done, q.day());
          if (q.state() == null || q.state() == state) {
            atDue.add(
                new Obligation(KIND, id, u.id(), p.end(), state, done, title(p), href(u.id(), p)));
          }
        }
      }
      atDue.sort(q.descending() ? order.reversed() : order);
      for (Obligation o : atDue) {
        out.add(o);
        if (out.size() >= q.limit()) {
          return out;
        }
      }
    }
    return out;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ObligationCount> count(
      ObligationQuery q, ObligationGrouping groupBy, int groupLevel) {
    if (!q.kinds().contains(KIND)) {
      return List.of();
    }
    List<Owing> owing = owing(q);
    NavigableMap<LocalDate, List<Period>> byDue = periods(owing, q);
    if (owing.isEmpty() || byDue.isEmpty()) {
      return List.of();
    }
    List<Period> all = byDue.values().stream().flatMap(List::stream).toList();
    Map<UUID, TreeSet<LocalDate>> held = held(owing, all, q.day());
    Map<Group, long[]> counts = new LinkedHashMap<>();
    // a unit that held no day in any period owes every period of its rule from its first one, each
    // in term or overdue by the period alone: such units are tallied per rule and group by their
    // first period, then each period counts those begun by it (set-based, no entry per period)
    Map<CompliancePeriod, List<Period>> ruleOf = new EnumMap<>(CompliancePeriod.class);
    for (Period p : all) {
      ruleOf.computeIfAbsent(p.rule(), k -> new ArrayList<>()).add(p);
    }
    record Tally(CompliancePeriod rule, UUID unit) {}
    Map<Tally, long[]> firsts = new LinkedHashMap<>();
    for (Owing u : owing) {
      List<Period> periods = ruleOf.getOrDefault(u.rule(), List.of());
      UUID unit =
          groupBy == ObligationGrouping.CHILD_UNIT
              ? u.path().size() >= groupLevel ? u.path().get(groupLevel - 1) : u.id()
              : null;
      if (!held.containsKey(u.id())) {
        // periods are in order of their start: the first one the unit owes
        int first = firstFrom(periods, u.firstStart());
        firsts
            .computeIfAbsent(new Tally(u.rule(), unit), k -> new long[periods.size() + 1])[first]++;
        continue;
      }
      for (Period p : periods) {
        if (u.firstStart().isAfter(p.start())) {
          continue;
        }
        ObligationState state =
            ObligationState.of(p.end(), firstHeld(held.get(u.id()), p, q.day()), q.day());
        if (q.state() == null || q.state() == state) {
          counts.computeIfAbsent(Group.of(state, unit, groupBy, p), k -> new long[1])[0]++;
        }
      }
    }
    firsts.forEach(
        (t, byFirst) -> {
          List<Period> periods = ruleOf.get(t.rule());
          long begun = 0;
          for (int i = 0; i < periods.size(); i++) {
            begun += byFirst[i];
            Period p = periods.get(i);
            ObligationState state = ObligationState.of(p.end(), null, q.day());
            if (begun > 0 && (q.state() == null || q.state() == state)) {
              counts.computeIfAbsent(Group.of(state, t.unit(), groupBy, p), k -> new long[1])[0] +=
                  begun;
            }
          }
        });
    List<ObligationCount> out = new ArrayList<>(counts.size());
    counts.forEach(
        (g, n) -> out.add(new ObligationCount(KIND, g.state(), g.unit(), g.month(), n[0])));
    return out;
  }

  /** The key of a count: the unit only by child unit, the month of the period's end by month. */
  private record Group(ObligationState state, UUID unit, YearMonth month) {
    static Group of(ObligationState state, UUID unit, ObligationGrouping groupBy, Period p) {
      return switch (groupBy) {
        case CHILD_UNIT -> new Group(state, unit, null);
        case MONTH -> new Group(state, null, YearMonth.from(p.end()));
        case KIND -> new Group(state, null, null);
      };
    }
  }

  /** The index of the first period starting on or after {@code start} (the size when none). */
  private static int firstFrom(List<Period> periods, LocalDate start) {
    int lo = 0;
    int hi = periods.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (periods.get(mid).start().isBefore(start)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ------------------------------------------------------------------ units and periods

  /**
   * The units the query selects that owe reception days: those of the kinds with a rule, valid on
   * the query's day, under the selected unit (by its mode) or under the scope roots, within scope.
   */
  private List<Owing> owing(ObligationQuery q) {
    Map<OrgUnitKind, CompliancePeriod> rules = new EnumMap<>(OrgUnitKind.class);
    config
        .compliance()
        .forEach(
            (kind, period) -> {
              try {
                rules.put(OrgUnitKind.valueOf(kind), period);
              } catch (IllegalArgumentException e) {
                // a rule for a kind that does not exist covers no unit
              }
            });
    if (rules.isEmpty()) {
      return List.of();
    }
    List<UUID> anchors =
        q.unitId() != null
            ? List.of(q.unitId())
            : q.roots() != null ? List.of(q.roots()) : List.of(UnitIds.ROOT);
    Set<UUID> roots = q.roots() == null ? null : Set.of(q.roots());
    OrgUnitMode mode = q.mode() == null ? OrgUnitMode.SELECTED : q.mode();
    Map<UUID, Owing> out = new LinkedHashMap<>();
    for (OrgUnitService.UnitOnDay u : units.subtreeOfKinds(anchors, rules.keySet(), q.day())) {
      if (q.unitId() != null && !selects(q.unitId(), mode, u)) {
        continue;
      }
      if (q.unitId() != null && roots != null && u.path().stream().noneMatch(roots::contains)) {
        continue;
      }
      CompliancePeriod rule = rules.get(u.kind());
      LocalDate from = config.headReceptionFrom();
      if (u.validFrom() != null && u.validFrom().isAfter(from)) {
        from = u.validFrom();
      }
      out.putIfAbsent(u.id(), new Owing(u.id(), u.path(), rule, firstStart(rule, from)));
    }
    return List.copyOf(out.values());
  }

  /** The {@link vn.danvan.shared.persistence.UnitFilter} rule on a unit's path of the day. */
  private static boolean selects(UUID unit, OrgUnitMode mode, OrgUnitService.UnitOnDay u) {
    List<UUID> path = u.path();
    return switch (mode) {
      case SELECTED -> u.id().equals(unit);
      case CHILDREN ->
          u.id().equals(unit) || (path.size() >= 2 && path.get(path.size() - 2).equals(unit));
      case DESCENDANTS -> path.contains(unit);
    };
  }

  private static Map<CompliancePeriod, List<Owing>> byRule(List<Owing> owing) {
    Map<CompliancePeriod, List<Owing>> out = new EnumMap<>(CompliancePeriod.class);
    owing.forEach(u -> out.computeIfAbsent(u.rule(), k -> new ArrayList<>()).add(u));
    return out;
  }

  /** The start of the first whole period on or after {@code from}. */
  static LocalDate firstStart(CompliancePeriod rule, LocalDate from) {
    return rule == CompliancePeriod.WEEK
        ? from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
        : from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
  }

  /**
   * The periods of the owing units' rules that have begun by the query's day, from the earliest
   * first period, whose last day lies within the query's due bounds; by last day.
   */
  private static NavigableMap<LocalDate, List<Period>> periods(
      List<Owing> owing, ObligationQuery q) {
    Map<CompliancePeriod, LocalDate> first = new EnumMap<>(CompliancePeriod.class);
    for (Owing u : owing) {
      first.merge(u.rule(), u.firstStart(), (a, b) -> a.isBefore(b) ? a : b);
    }
    NavigableMap<LocalDate, List<Period>> out = new TreeMap<>();
    first.forEach(
        (rule, start) -> {
          for (LocalDate s = start; !s.isAfter(q.day()); s = next(rule, s)) {
            Period p = period(rule, s);
            if ((q.dueFrom() == null || !p.end().isBefore(q.dueFrom()))
                && (q.dueTo() == null || !p.end().isAfter(q.dueTo()))) {
              out.computeIfAbsent(p.end(), k -> new ArrayList<>(2)).add(p);
            }
          }
        });
    return out;
  }

  private static LocalDate next(CompliancePeriod rule, LocalDate start) {
    return rule == CompliancePeriod.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
  }

  /** The period starting on {@code start}, keyed as the compliance endpoint names it. */
  private static Period period(CompliancePeriod rule, LocalDate start) {
    if (rule == CompliancePeriod.WEEK) {
      return new Period(
          rule,
          String.format(
              "%d-W%02d",
              start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
          start,
          start.plusDays(6));
    }
    return new Period(
        rule,
        String.format("%d-%02d", start.getYear(), start.getMonthValue()),
        start,
        start.with(TemporalAdjusters.lastDayOfMonth()));
  }

  // ------------------------------------------------------------------ days held

  /**
   * The days each unit's head (or a delegated deputy) held a session within the periods, up to the
   * query's day (one query, the compliance endpoint's own).
   */
  private Map<UUID, TreeSet<LocalDate>> held(
      List<Owing> owing, List<Period> periods, LocalDate day) {
    Map<UUID, TreeSet<LocalDate>> out = new HashMap<>();
    if (periods.isEmpty()) {
      return out;
    }
    LocalDate from = periods.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
    LocalDate to = periods.stream().map(Period::end).max(LocalDate::compareTo).orElseThrow();
    if (to.isAfter(day)) {
      to = day;
    }
    if (from.isAfter(to)) {
      return out;
    }
    for (ReceptionReportRepository.HeldDay d :
        repo.heldDays(owing.stream().map(Owing::id).toList(), from, to)) {
      out.computeIfAbsent(d.unitId(), k -> new TreeSet<>()).add(d.day());
    }
    return out;
  }

  /** The first day held in the period, by the query's day; null when none. */
  private static LocalDate firstHeld(TreeSet<LocalDate> days, Period p, LocalDate day) {
    if (days == null) {
      return null;
    }
    LocalDate first = days.ceiling(p.start());
    return first == null || first.isAfter(p.end()) || first.isAfter(day) ? null : first;
  }

  // ------------------------------------------------------------------ entry

  /** The name-based id of a unit's period. */
  private static UUID id(UUID unit, Period p) {
    return UUID.nameUUIDFromBytes((KIND.name() + "/" + unit + "/" + p.key()).getBytes(UTF_8));
  }

  /** "… tháng 11/2026", "… tuần 47/2026 (16/11–22/11/2026)". */
  private static String title(Period p) {
    String base = "Tiếp công dân định kỳ của người đứng đầu ";
    if (p.rule() == CompliancePeriod.MONTH) {
      return base + "tháng " + p.start().getMonthValue() + "/" + p.start().getYear();
    }
    return base
        + "tuần "
        + p.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
        + "/"
        + p.start().get(IsoFields.WEEK_BASED_YEAR)
        + " ("
        + p.start().format(DAY_MONTH)
        + "–"
        + p.end().format(FULL)
        + ")";
  }

  private static String href(UUID unit, Period p) {
    return "/api/v1/reception/compliance?orgUnitId="
        + unit
        + "&from="
        + p.start()
        + "&to="
        + p.end();
  }
}
