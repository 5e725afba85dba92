package vn.danvan.reception;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.HashSet;
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
  @Inject EntityManager em;
  @Inject Clock clock;

  private String roots;
  private Set<UUID> rootSet;

  /** Unrestricted (admin): no roots apply. */
  public boolean unrestricted() {
    return scope.restriction().isEmpty();
  }

  /** The scope roots as a PostgreSQL array literal; only for restricted callers. */
  public String roots() {
    if (roots == null) {
      roots = computeRoots();
    }
    return roots;
  }

  private String computeRoots() {
    String own = scope.roots();
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
    Object value =
        em.createNativeQuery(
                "select cast(array(select distinct r from unnest(cast(:own as uuid[]) ||"
                    + " danvan_scope_roots(:parent)) r) as text)")
            .setParameter("own", own)
            .setParameter("parent", unit.get().parentId())
            .getSingleResult();
    return value == null ? own : value.toString();
  }

  /** Whether a record whose unit path is {@code path} is in the caller's scope. */
  public boolean contains(UUID[] path) {
    if (unrestricted()) {
      return true;
    }
    if (rootSet == null) {
      rootSet = new HashSet<>();
      String r = roots().replace("{", "").replace("}", "");
      for (String s : r.split(",")) {
        if (!s.isBlank()) {
          rootSet.add(UUID.fromString(s.trim().replace("\"", "")));
        }
      }
    }
    for (UUID u : path) {
      if (rootSet.contains(u)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a unit (by id) is in scope, for writes naming a unit. */
  public boolean containsUnit(UUID unitId) {
    if (unrestricted()) {
      return true;
    }
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from org_unit_version v where v.unit_id = :unit"
                    + " and v.path && cast(:roots as uuid[]))")
            .setParameter("roots", roots())
            .setParameter("unit", unitId)
            .getSingleResult();
  }

  /** Sees non-denunciation visitors in full. */
  public boolean fullView() {
    return user.hasRole(Roles.RECEPTION_OFFICER) || user.hasRole(Roles.DENUNCIATION_HANDLER);
  }

  /** May ask for a denouncer's identity (with a reason, audited). */
  public boolean denunciationHandler() {
    return user.hasRole(Roles.DENUNCIATION_HANDLER);
  }

  public String username() {
    return user.username();
  }
}
