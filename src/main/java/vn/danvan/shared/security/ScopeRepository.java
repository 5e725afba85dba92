package vn.danvan.shared.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/**
 * SQL of the callers' scopes: the SQL functions and tables the org-unit feature publishes for them
 * ({@code danvan_scope_roots}, {@code org_unit_tree_revision}, {@code org_unit_version}).
 */
@ApplicationScoped
class ScopeRepository {

  @Inject EntityManager em;

  /** Whether any version of {@code unit} lies below one of {@code roots} (an array literal). */
  boolean isUnder(UUID unit, String roots) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from org_unit_version v where v.unit_id = :unit"
                    + " and v.path && cast(:roots as uuid[]))")
            .setParameter("roots", roots)
            .setParameter("unit", unit)
            .getSingleResult();
  }

  /** The revision of the unit tree: it changes with every restructuring. */
  long treeRevision() {
    return PgTypes.longValue(
        em.createNativeQuery("select revision from org_unit_tree_revision where id = 1")
            .getSingleResult());
  }

  /** The roots of {@code home}'s scope as a PostgreSQL array literal. */
  String scopeRoots(UUID home) {
    Object value =
        em.createNativeQuery("select cast(danvan_scope_roots(:home) as text)")
            .setParameter("home", home)
            .getSingleResult();
    return value == null ? "{}" : value.toString();
  }
}
