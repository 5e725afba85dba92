package vn.danvan.shared.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.error.ApiException;

/**
 * What the caller may see: the subtree of the home unit, including everything that was ever below
 * it and the history of its predecessors (SQL function {@code danvan_scope_units}). Admins see
 * everything. Out-of-scope records answer 404, exactly like missing ones, so that existence never
 * leaks across provinces.
 */
@RequestScoped
public class UnitScope {

  /** Matches no unit: the scope of a caller without a home unit. */
  public static final UUID NOBODY = new UUID(0, 0);

  @Inject CurrentUser user;
  @Inject ScopeRepository repository;
  @Inject ScopeRootsCache rootsCache;

  private final Map<UUID, Boolean> cache = new HashMap<>();
  private final Map<UUID, Boolean> covered = new HashMap<>();
  private ScopeRoots roots;

  /** Empty when unrestricted (admin); otherwise the unit whose scope applies. */
  public Optional<UUID> restriction() {
    if (user.isAdmin()) {
      return Optional.empty();
    }
    return Optional.of(user.homeUnitId().orElse(NOBODY));
  }

  public boolean contains(UUID unitId) {
    if (unitId == null) {
      return false;
    }
    Optional<UUID> home = restriction();
    if (home.isEmpty()) {
      return true;
    }
    return cache.computeIfAbsent(unitId, id -> repository.isUnder(id, roots()));
  }

  /**
   * Whether everything ever below {@code unitId} is in scope (every version of the unit lies below
   * a root): a filter on the unit's subtree then needs no scope condition of its own. Always true
   * for an unrestricted caller.
   */
  public boolean covers(UUID unitId) {
    if (restriction().isEmpty()) {
      return true;
    }
    if (unitId == null) {
      return false;
    }
    return covered.computeIfAbsent(unitId, id -> repository.covers(id, roots()));
  }

  /**
   * Answers {@link #contains} for many units with one query (bulk writes); later calls for them are
   * answered from the request's cache.
   */
  public void preload(Collection<UUID> unitIds) {
    if (restriction().isEmpty()) {
      return;
    }
    List<UUID> missing =
        unitIds.stream().filter(id -> id != null && !cache.containsKey(id)).distinct().toList();
    if (missing.isEmpty()) {
      return;
    }
    Set<UUID> under = repository.under(missing, roots());
    for (UUID id : missing) {
      cache.put(id, under.contains(id));
    }
  }

  /**
   * The minimal roots of the caller's scope (bound as {@code uuid[]} in {@code unit_path && :roots}
   * filters); computed once per tree revision, a copy each call. Only for restricted callers.
   */
  public UUID[] roots() {
    return scopeRoots().minimal().clone();
  }

  /**
   * Every root of the caller's scope ({@code danvan_scope_roots}: the home unit and the
   * predecessors of everything ever below it), for rules on the roots themselves rather than on
   * paths through them; {@link #roots()} selects the same paths with fewer ids. Only for restricted
   * callers.
   */
  public UUID[] allRoots() {
    return scopeRoots().all().clone();
  }

  private ScopeRoots scopeRoots() {
    if (roots == null) {
      UUID home = restriction().orElseThrow();
      roots = rootsCache.get(home, repository.treeRevision(), () -> repository.scopeRoots(home));
    }
    return roots;
  }

  /** {@link #roots()} for a restricted caller, null for an unrestricted one (an admin). */
  public UUID[] rootsOrAll() {
    return restriction().isPresent() ? roots() : null;
  }

  /** 404 (never 403) when the unit is outside the caller's scope. */
  public void require(UUID unitId, String entity) {
    if (!contains(unitId)) {
      throw ApiException.notFound(entity);
    }
  }
}
