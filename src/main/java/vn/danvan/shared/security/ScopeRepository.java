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

  /** The roots of {@code home}'s scope. */
  UUID[] scopeRoots(UUID home) {
    return PgTypes.uuids(
        em.createNativeQuery("select danvan_scope_roots(:home)")
            .setParameter("home", home)
            .getSingleResult());
  }
}
