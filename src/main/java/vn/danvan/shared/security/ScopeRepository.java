package vn.danvan.shared.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/**
 * SQL of the callers' scopes: the SQL functions and tables the org-unit feature publishes for them
 * ({@code danvan_scope_roots}, {@code org_unit_tree_revision}, {@code org_unit_version}).
 */
@ApplicationScoped
class ScopeRepository {

  @Inject EntityManager em;

  /** Whether any version of {@code unit} lies below one of {@code roots}. */
  boolean isUnder(UUID unit, UUID[] roots) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from org_unit_version v where v.unit_id = :unit"
                    + " and v.path && cast(:roots as uuid[]))")
            .setParameter("roots", roots)
            .setParameter("unit", unit)
            .getSingleResult();
  }

  /** The units among {@code units} of which any version lies below one of {@code roots}. */
  Set<UUID> under(Collection<UUID> units, UUID[] roots) {
    Set<UUID> out = new HashSet<>();
    for (Object o :
        em.createNativeQuery(
                "select distinct v.unit_id from org_unit_version v"
                    + " where v.unit_id = any(cast(:units as uuid[])) and v.path && cast(:roots as uuid[])")
            .setParameter("units", PgTypes.uuidArray(units))
            .setParameter("roots", roots)
            .getResultList()) {
      out.add(PgTypes.uuid(o));
    }
    return out;
  }

  /** The revision of the unit tree: it changes with every restructuring. */
  long treeRevision() {
    return PgTypes.longValue(
        em.createNativeQuery("select revision from org_unit_tree_revision where id = 1")
            .getSingleResult());
  }

  /**
   * The roots of {@code home}'s scope: all of them ({@code danvan_scope_roots}) and the minimal
   * ones. A root is left out of the minimal ones when every version of it stands below another
   * root, since every path through it then holds that other root too (a path is its unit's parent's
   * path and the unit): {@code path && minimal} is {@code path && all} for every path the tree ever
   * had. TP HCM's 771 roots (itself and the predecessors of its wards and of the provinces merged
   * into it) come down to the few whose subtrees never stood below another root.
   */
  ScopeRoots scopeRoots(UUID home) {
    UUID[] all =
        PgTypes.uuids(
            em.createNativeQuery("select danvan_scope_roots(:home)")
                .setParameter("home", home)
                .getSingleResult());
    // a second statement, the roots bound: in one statement the planner may inline the function
    // call into the subquery and walk the lineage once per root and version
    UUID[] minimal =
        PgTypes.uuids(
            em.createNativeQuery(
                    "select coalesce(array_agg(r.id order by r.id), '{}')"
                        + " from unnest(cast(:roots as uuid[])) r(id)"
                        + " where not exists (select 1 from org_unit_version v where v.unit_id = r.id)"
                        + " or exists (select 1 from org_unit_version v where v.unit_id = r.id"
                        + " and not (trim_array(v.path, 1) && cast(:roots as uuid[])))")
                .setParameter("roots", all)
                .getSingleResult());
    return new ScopeRoots(minimal, all);
  }

  /** Whether every version of {@code unit} lies below one of {@code roots}. */
  boolean covers(UUID unit, UUID[] roots) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from org_unit_version v where v.unit_id = :unit)"
                    + " and not exists (select 1 from org_unit_version v where v.unit_id = :unit"
                    + " and not (v.path && cast(:roots as uuid[])))")
            .setParameter("roots", roots)
            .setParameter("unit", unit)
            .getSingleResult();
  }
}
