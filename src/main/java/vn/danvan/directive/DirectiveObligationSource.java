package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The implementing plans in the agenda: each unit's obligation under a directive, in the states of
 * its coverage on the day (issued on time is done on time, and so on: the coverage's rule is the
 * one rule), done on the day its plan was issued. Revoked and superseded directives are left out;
 * secret ones only for callers who may read them. The obligation rows store no path, so the owing
 * units are taken from the tree first (the subtree of the selected unit, or of the caller's scope
 * roots, with the predecessors whose history it holds): a few queries a page, whatever its size.
 */
@ApplicationScoped
class DirectiveObligationSource implements ObligationSource {

  private static final Set<ObligationKind> KINDS = Set.of(ObligationKind.IMPLEMENTING_PLAN);
  private static final int MAX_TITLE = 500;

  @Inject DirectiveAgendaRepository repo;
  @Inject OrgUnitService units;

  @Override
  public Set<ObligationKind> kinds() {
    return KINDS;
  }

  @Override
  public List<Obligation> page(ObligationQuery query) {
    if (!query.wantsAny(KINDS)) {
      return List.of();
    }
    LocalDate day = query.day();
    return repo.page(query, owingUnits(query)).stream()
        .map(
            r ->
                new Obligation(
                    ObligationKind.IMPLEMENTING_PLAN,
                    r.id(),
                    r.unitId(),
                    r.due(),
                    ObligationState.of(r.due(), r.fulfilledOn(), day),
                    r.fulfilledOn() != null && !r.fulfilledOn().isAfter(day)
                        ? r.fulfilledOn()
                        : null,
                    title(r),
                    "/api/v1/directives/" + r.directiveId() + "/coverage"))
        .toList();
  }

  @Override
  public List<ObligationCount> count(
      ObligationQuery query, ObligationGrouping groupBy, int groupLevel) {
    if (!query.wantsAny(KINDS)) {
      return List.of();
    }
    List<DirectiveAgendaRepository.Count> rows = repo.count(query, owingUnits(query));
    Map<UUID, List<UUID>> paths =
        groupBy == ObligationGrouping.CHILD_UNIT
            ? units.pathsOn(
                rows.stream().map(DirectiveAgendaRepository.Count::unitId).distinct().toList(),
                query.day())
            : Map.of();
    Map<List<Object>, Long> sums = new HashMap<>();
    for (DirectiveAgendaRepository.Count c : rows) {
      Object key =
          switch (groupBy) {
            case KIND -> "";
            case MONTH -> YearMonth.parse(c.month());
            case CHILD_UNIT -> {
              List<UUID> path = paths.get(c.unitId());
              yield path != null && path.size() >= groupLevel
                  ? path.get(groupLevel - 1)
                  : c.unitId();
            }
          };
      sums.merge(List.of(key, c.state()), c.count(), Long::sum);
    }
    List<ObligationCount> out = new ArrayList<>();
    sums.forEach(
        (k, n) ->
            out.add(
                new ObligationCount(
                    ObligationKind.IMPLEMENTING_PLAN,
                    (ObligationState) k.get(1),
                    k.get(0) instanceof UUID u ? u : null,
                    k.get(0) instanceof YearMonth m ? m : null,
                    n)));
    return out;
  }

  /**
   * The units whose obligations the query selects, on the tree of its day; null for every unit (the
   * whole country to an unrestricted caller).
   */
  private UUID[] owingUnits(ObligationQuery query) {
    LocalDate day = query.day();
    UUID unit = query.unitId();
    if (unit == null) {
      if (query.roots() == null) {
        return null;
      }
      Set<UUID> out = new LinkedHashSet<>();
      for (UUID root : query.roots()) {
        out.add(root);
        units.subtreeOn(root, day).forEach(m -> out.add(m.id()));
      }
      return out.toArray(UUID[]::new);
    }
    OrgUnitMode mode = query.mode() == null ? OrgUnitMode.SELECTED : query.mode();
    if (mode == OrgUnitMode.SELECTED) {
      return new UUID[] {unit};
    }
    List<UUID> path = units.pathsOn(List.of(unit), day).get(unit);
    if (mode == OrgUnitMode.DESCENDANTS
        && path != null
        && path.size() == 1
        && query.roots() == null) {
      return null;
    }
    Set<UUID> subtree = new LinkedHashSet<>();
    subtree.add(unit);
    units.subtreeOn(unit, day).forEach(m -> subtree.add(m.id()));
    if (mode == OrgUnitMode.CHILDREN) {
      Map<UUID, List<UUID>> paths = units.pathsOn(subtree, day);
      subtree.removeIf(
          id -> {
            List<UUID> p = paths.get(id);
            return !id.equals(unit)
                && (p == null || p.size() < 2 || !p.get(p.size() - 2).equals(unit));
          });
    }
    return subtree.toArray(UUID[]::new);
  }

  private static String title(DirectiveAgendaRepository.Row r) {
    String t =
        "Kế hoạch thực hiện văn bản " + (r.number() == null ? "" : r.number() + ": ") + r.title();
    return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE - 1) + "…" : t;
  }
}
