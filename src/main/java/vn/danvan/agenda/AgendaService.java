package vn.danvan.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;

/**
 * One agenda across every obligation (issue 14 §1): the unit and the caller's scope resolved once,
 * then each {@link ObligationSource} that answers a wanted kind asked for a page (or its counts);
 * the pages merged in the agenda's order ({@link ObligationKey#ORDER}). The agenda reads no table:
 * each feature answers over its own.
 */
@ApplicationScoped
public class AgendaService {

  /** The most {@code kind} values a request may repeat: one of each. */
  static final int MAX_KINDS = ObligationKind.values().length;

  @Inject Instance<ObligationSource> sources;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject Clock clock;

  /** The filters as the caller sends them. */
  public record Filter(
      UUID orgUnitId,
      OrgUnitMode orgUnitMode,
      List<ObligationKind> kinds,
      ObligationState state,
      LocalDate dueFrom,
      LocalDate dueTo,
      LocalDate asOf) {}

  /** What a cursor is bound to ({@link Cursor#tag}): every filter, resolved. */
  private record Tag(
      UUID unit,
      OrgUnitMode mode,
      List<UUID> roots,
      Set<ObligationKind> kinds,
      ObligationState state,
      LocalDate dueFrom,
      LocalDate dueTo,
      LocalDate day,
      boolean descending) {}

  /** A resolved query and the path of its unit (or of the caller's home), for the summary. */
  private record Resolved(ObligationQuery query, int groupLevel) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AgendaItem> list(Filter f, String sort, PageRequest page) {
    boolean descending =
        switch (sort == null ? "dueDate" : sort) {
          case "dueDate" -> false;
          case "-dueDate" -> true;
          default -> throw ApiException.invalid("/query/sort", "field.UNKNOWN_SORT");
        };
    ObligationQuery base = resolve(f, descending, page.fetchSize()).query();
    String tag =
        Cursor.tag(
            "agenda",
            new Tag(
                base.unitId(),
                base.mode(),
                base.roots() == null ? null : Arrays.asList(base.roots()),
                base.kinds(),
                base.state(),
                base.dueFrom(),
                base.dueTo(),
                base.day(),
                descending));
    Cursor.Keys keys =
        page.keys(tag, Cursor.KeyType.DATE, Cursor.KeyType.TEXT, Cursor.KeyType.UUID);
    ObligationQuery query = base;
    if (keys != null) {
      ObligationKind kind;
      try {
        kind = ObligationKind.valueOf(keys.text(1));
      } catch (IllegalArgumentException e) {
        throw new ApiException(
            400,
            "INVALID_CURSOR",
            List.of(ApiException.FieldError.of(Cursor.POINTER, "field.INVALID_CURSOR")));
      }
      query =
          new ObligationQuery(
              base.unitId(),
              base.mode(),
              base.roots(),
              base.kinds(),
              base.state(),
              base.dueFrom(),
              base.dueTo(),
              base.day(),
              new ObligationKey(keys.date(0), kind, keys.uuid(2)),
              descending,
              base.limit());
    }
    List<Obligation> merged = new ArrayList<>();
    for (ObligationSource source : sources) {
      if (query.wantsAny(source.kinds())) {
        merged.addAll(source.page(query));
      }
    }
    Comparator<Obligation> order = Comparator.comparing(Obligation::key);
    merged.sort(descending ? order.reversed() : order);
    List<Obligation> rows = merged.subList(0, Math.min(merged.size(), page.fetchSize()));
    Set<UUID> ids = new HashSet<>();
    rows.stream().limit(page.limit()).forEach(o -> ids.add(o.orgUnitId()));
    Map<UUID, String> names = units.namesOn(ids, query.day());
    return Page.of(
        rows,
        page.limit(),
        o -> AgendaItem.of(o, names.get(o.orgUnitId())),
        o -> Cursor.encode(tag, o.dueDate(), o.kind().name(), o.id()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AgendaSummaryResponse summary(Filter f, ObligationGrouping groupBy) {
    ObligationGrouping by = groupBy == null ? ObligationGrouping.CHILD_UNIT : groupBy;
    Resolved resolved = resolve(f, false, 1);
    ObligationQuery query = resolved.query();
    List<ObligationCount> counts = new ArrayList<>();
    for (ObligationSource source : sources) {
      if (query.wantsAny(source.kinds())) {
        counts.addAll(source.count(query, by, resolved.groupLevel()));
      }
    }
    // group key -> kind -> the four counts
    Map<Object, Map<ObligationKind, long[]>> groups = new LinkedHashMap<>();
    long[] total = new long[4];
    for (ObligationCount c : counts) {
      if (c.count() == 0) {
        continue;
      }
      Object key =
          switch (by) {
            case CHILD_UNIT -> c.unitId();
            case MONTH -> c.month();
            case KIND -> c.kind();
          };
      groups.computeIfAbsent(key, k -> new EnumMap<>(ObligationKind.class))
              .computeIfAbsent(c.kind(), k -> new long[4])[c.state().ordinal()] +=
          c.count();
      total[c.state().ordinal()] += c.count();
    }
    Map<UUID, String> names =
        by == ObligationGrouping.CHILD_UNIT
            ? units.namesOn(
                groups.keySet().stream()
                    .filter(UUID.class::isInstance)
                    .map(UUID.class::cast)
                    .toList(),
                query.day())
            : Map.of();
    List<AgendaSummaryResponse.Group> out = new ArrayList<>();
    for (Map.Entry<Object, Map<ObligationKind, long[]>> g : sorted(groups, by, names)) {
      long[] sum = new long[4];
      List<AgendaSummaryResponse.KindCounts> kinds = new ArrayList<>();
      g.getValue()
          .forEach(
              (kind, c) -> {
                for (int i = 0; i < 4; i++) {
                  sum[i] += c[i];
                }
                kinds.add(new AgendaSummaryResponse.KindCounts(kind, counts(c)));
              });
      Object key = g.getKey();
      out.add(
          new AgendaSummaryResponse.Group(
              key instanceof UUID u ? u : null,
              key instanceof UUID u ? names.get(u) : null,
              key instanceof ObligationKind k ? k : null,
              key instanceof YearMonth m ? m.toString() : null,
              counts(sum),
              by == ObligationGrouping.KIND ? null : List.copyOf(kinds)));
    }
    return new AgendaSummaryResponse(f.orgUnitId(), by, query.day(), counts(total), out);
  }

  /** The groups in order: units by name then id, months and kinds in their order. */
  private static List<Map.Entry<Object, Map<ObligationKind, long[]>>> sorted(
      Map<Object, Map<ObligationKind, long[]>> groups,
      ObligationGrouping by,
      Map<UUID, String> names) {
    List<Map.Entry<Object, Map<ObligationKind, long[]>>> out = new ArrayList<>(groups.entrySet());
    Comparator<Object> order =
        switch (by) {
          case CHILD_UNIT ->
              Comparator.comparing((Object k) -> names.getOrDefault((UUID) k, ""))
                  .thenComparing(k -> (UUID) k, ObligationKey::compareIds);
          case MONTH -> Comparator.comparing(k -> (YearMonth) k);
          case KIND -> Comparator.comparing(k -> (ObligationKind) k);
        };
    out.sort(Map.Entry.comparingByKey(order));
    return out;
  }

  private static AgendaSummaryResponse.Counts counts(long[] c) {
    return new AgendaSummaryResponse.Counts(c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]);
  }

  /**
   * The filters checked and resolved: the unit in the caller's scope (422 like every list
   * otherwise), the dates in order, the kinds (all when none), the day of the states.
   */
  private Resolved resolve(Filter f, boolean descending, int limit) {
    LocalDate day = f.asOf() != null ? f.asOf() : BusinessTime.today(clock);
    if (f.dueFrom() != null && f.dueTo() != null && f.dueTo().isBefore(f.dueFrom())) {
      throw ApiException.invalid("/query/dueTo", "field.RANGE_REVERSED");
    }
    UUID[] roots = scope.rootsOrAll();
    int groupLevel = 2;
    OrgUnitMode mode = null;
    if (f.orgUnitId() != null) {
      OrgUnitResponse u =
          units
              .find(f.orgUnitId(), day)
              // outside the caller's scope answers exactly like a unit that does not exist
              .filter(found -> scope.contains(found.id()))
              .orElseThrow(() -> ApiException.unknownUnit("/query/orgUnitId"));
      mode = f.orgUnitMode() == null ? OrgUnitMode.SELECTED : f.orgUnitMode();
      groupLevel = u.path().size() + 1;
    } else if (f.orgUnitMode() != null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    } else if (roots != null) {
      UUID home = scope.restriction().orElseThrow();
      groupLevel = units.find(home, day).map(u -> u.path().size() + 1).orElse(groupLevel);
    }
    if (f.kinds() != null && f.kinds().size() > MAX_KINDS) {
      throw ApiException.invalid("/query/kind", "field.MAX_ITEMS", MAX_KINDS);
    }
    Set<ObligationKind> kinds =
        f.kinds() == null || f.kinds().isEmpty()
            ? EnumSet.allOf(ObligationKind.class)
            : EnumSet.copyOf(f.kinds());
    return new Resolved(
        new ObligationQuery(
            f.orgUnitId(),
            mode,
            roots,
            kinds,
            f.state(),
            f.dueFrom(),
            f.dueTo(),
            day,
            null,
            descending,
            limit),
        groupLevel);
  }
}
