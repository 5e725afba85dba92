package vn.danvan.reception;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;

/**
 * Who may see what of the reception book. Scope is the caller's unit subtree, except for a
 * denunciation handler seated in a department (the inspectorate): denunciations against the
 * government it serves reach it from every unit below that government, so its scope is the parent's
 * subtree. Within scope, reception officers and denunciation handlers see visitors in full (never
 * denouncers: those only through the audited protected-identity request); every other role sees
 * masks.
 */
@RequestScoped
public class ReceptionAccess {

  @Inject CurrentUser user;
  @Inject UnitScope scope;
  @Inject OrgUnitService units;
  @Inject ReceptionRepository repo;
  @Inject Clock clock;

  private UUID[] roots;
  private Set<UUID> rootSet;

  /** Unrestricted (admin): no roots apply. */
  public boolean unrestricted() {
    return scope.restriction().isEmpty();
  }

  /**
   * The roots of the caller's scope: a record is in scope when its unit path meets them. Null when
   * unrestricted.
   */
  UUID[] roots() {
    if (unrestricted()) {
      return null;
    }
    if (roots == null) {
      roots = computeRoots();
      rootSet = Set.of(roots);
    }
    return roots;
  }

  private UUID[] computeRoots() {
    UUID[] own = Arrays.stream(scope.roots()).distinct().toArray(UUID[]::new);
    if (!user.hasRole(Roles.DENUNCIATION_HANDLER)) {
      return own;
    }
    Optional<UUID> home = user.homeUnitId();
    if (home.isEmpty()) {
      return own;
    }
    Optional<OrgUnitResponse> unit = units.find(home.get(), BusinessTime.today(clock));
    if (unit.isEmpty()
        || unit.get().kind() != OrgUnitKind.DEPARTMENT
        || unit.get().parentId() == null) {
      return own;
    }
    Set<UUID> all = new LinkedHashSet<>(Arrays.asList(own));
    all.addAll(Arrays.asList(repo.scopeRootsOf(unit.get().parentId())));
    return all.toArray(UUID[]::new);
  }

  /** Whether a record whose unit path is {@code path} is in the caller's scope. */
  public boolean contains(UUID[] path) {
    if (roots() == null) {
      return true;
    }
    for (UUID u : path) {
      if (rootSet.contains(u)) {
        return true;
      }
    }
    return false;
  }

  /** Sees non-denunciation visitors in full. */
  public boolean fullView() {
    return user.hasRole(Roles.RECEPTION_OFFICER) || user.hasRole(Roles.DENUNCIATION_HANDLER);
  }

  /** May ask for a denouncer's identity (with a reason, audited). */
  public boolean denunciationHandler() {
    return user.hasRole(Roles.DENUNCIATION_HANDLER);
  }

  /**
   * An integration client and nothing else: it changes only what it pushes (and, for cases, the
   * lifecycle of the cases its system pushed).
   */
  public boolean integrationOnly() {
    return user.hasRole(Roles.INTEGRATION)
        && !user.isAdmin()
        && !user.hasRole(Roles.UNIT_MANAGER)
        && !user.hasRole(Roles.RECEPTION_OFFICER)
        && !user.hasRole(Roles.DENUNCIATION_HANDLER);
  }

  public String username() {
    return user.username();
  }
}
