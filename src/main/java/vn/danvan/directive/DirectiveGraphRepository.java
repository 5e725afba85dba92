package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/**
 * SQL of the graph of references: what implements a document (its cascade) and what it implements
 * or is based on (its basis), one recursive query each, under the visibility rule of {@link
 * DirectiveRepository#readable(String, String)}.
 */
@ApplicationScoped
class DirectiveGraphRepository {

  @Inject EntityManager em;

  /** The issuer's name on the issue date (drafts: today), else its first: two index probes. */
  private static final String UNIT_NAME =
      " left join lateral (select coalesce("
          + "(select v.name from org_unit_version v where v.unit_id = d.issuing_unit_id"
          + "   and v.valid_from <= coalesce(d.issue_date, current_date) order by v.valid_from desc limit 1),"
          + "(select v.name from org_unit_version v where v.unit_id = d.issuing_unit_id"
          + "   order by v.valid_from limit 1)) as name) u on true";

  private static final String NODE_COLUMNS =
      "d.type, d.full_number, d.title, d.status, d.issue_date, d.issuing_unit_id,"
          + " coalesce(u.name, d.external_issuer)";

  /**
   * Every document that implements {@code rootId}, transitively up to {@code depth} levels, with
   * its issuing unit: one recursive query, whatever the depth. An issued document the caller may
   * not read stays in the tree as an undisclosed node, so that what implements it still hangs where
   * it belongs; a draft it may not read is left out.
   */
  List<DirectiveGraphResponse.Node> cascade(UUID rootId, int depth, String roots) {
    String sql =
        "with recursive tree(id, parent_id, depth, seen) as ("
            + " select r.source_id, r.target_id, 1, array[r.target_id, r.source_id]"
            + "   from directive_reference r where r.target_id = :root and r.relation = 'IMPLEMENTS'"
            + " union all"
            + " select r.source_id, r.target_id, t.depth + 1, t.seen || r.source_id"
            + "   from tree t join directive_reference r on r.target_id = t.id and r.relation = 'IMPLEMENTS'"
            + "  where t.depth < :depth and not r.source_id = any(t.seen)),"
            // a document reached by several paths is listed once per edge, at its shallowest depth
            + " edge as (select distinct on (id, parent_id) id, parent_id, depth from tree"
            + "   order by id, parent_id, depth)"
            + " select t.id, t.parent_id, t.depth, 'IMPLEMENTS', "
            + NODE_COLUMNS
            + ", null, "
            + DirectiveRepository.readable("d", roots)
            + " from edge t join directive d on d.id = t.id"
            + UNIT_NAME
            + " order by t.depth, d.issue_date nulls last, d.full_number, d.id, t.parent_id";
    List<DirectiveGraphResponse.Node> out = new ArrayList<>();
    for (NodeRow r : nodeRows(sql, rootId, depth, roots)) {
      DirectiveGraphResponse.Node n = r.node();
      if (r.readable()) {
        out.add(n);
      } else if (n.status() != DirectiveStatus.DRAFT) {
        out.add(
            DirectiveGraphResponse.Node.undisclosed(
                n.directiveId(), n.parentId(), n.depth(), n.relation()));
      }
    }
    return out;
  }

  /**
   * What {@code rootId} implements or is based on, transitively: the chain upward. A document the
   * caller may not read is left out, and so is what is reached only through it.
   */
  List<DirectiveGraphResponse.Node> basis(UUID rootId, int depth, String roots) {
    String sql =
        "with recursive up(ref_id, source_id, target_id, citation, relation, depth, seen) as ("
            + " select r.id, r.source_id, r.target_id, r.citation, r.relation, 1, array[r.source_id]"
            + "   from directive_reference r where r.source_id = :root and r.relation in ('IMPLEMENTS', 'BASED_ON')"
            + " union all"
            + " select r.id, r.source_id, r.target_id, r.citation, r.relation, p.depth + 1, p.seen || r.source_id"
            + "   from up p join directive_reference r on r.source_id = p.target_id"
            + "    and r.relation in ('IMPLEMENTS', 'BASED_ON')"
            + "  where p.depth < :depth and not r.source_id = any(p.seen)),"
            // a reference reached by several paths is listed once, at its shallowest depth
            + " edge as (select distinct on (ref_id) * from up order by ref_id, depth)"
            + " select p.target_id, p.source_id, p.depth, p.relation, "
            + NODE_COLUMNS
            + ", p.citation, (d.id is null or "
            + DirectiveRepository.readable("d", roots)
            + ") from edge p left join directive d on d.id = p.target_id"
            + UNIT_NAME
            + " order by p.depth, d.issue_date nulls last, p.ref_id";
    List<DirectiveGraphResponse.Node> rows =
        nodeRows(sql, rootId, depth, roots).stream()
            .filter(NodeRow::readable)
            .map(NodeRow::node)
            .toList();
    // keep the edges that start from the root or from a document kept, until nothing changes
    Set<UUID> reached = new HashSet<>(Set.of(rootId));
    boolean[] kept = new boolean[rows.size()];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < rows.size(); i++) {
        if (!kept[i] && reached.contains(rows.get(i).parentId())) {
          kept[i] = true;
          changed = true;
          if (rows.get(i).directiveId() != null) {
            reached.add(rows.get(i).directiveId());
          }
        }
      }
    }
    List<DirectiveGraphResponse.Node> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (kept[i]) {
        out.add(rows.get(i));
      }
    }
    return out;
  }

  /** A node of the graph and whether the caller may read its document. */
  private record NodeRow(DirectiveGraphResponse.Node node, boolean readable) {}

  @SuppressWarnings("unchecked")
  private List<NodeRow> nodeRows(String sql, UUID rootId, int depth, String roots) {
    Query q = em.createNativeQuery(sql).setParameter("root", rootId).setParameter("depth", depth);
    List<Object[]> rows = DirectiveRepository.bindRoots(q, roots).getResultList();
    return rows.stream().map(r -> new NodeRow(node(r), Boolean.TRUE.equals(r[12]))).toList();
  }

  private static DirectiveGraphResponse.Node node(Object[] r) {
    return new DirectiveGraphResponse.Node(
        (UUID) r[0],
        (UUID) r[1],
        ((Number) r[2]).intValue(),
        ReferenceRelation.valueOf((String) r[3]),
        false,
        r[4] == null ? null : DirectiveType.valueOf((String) r[4]),
        (String) r[5],
        (String) r[6],
        r[7] == null ? null : DirectiveStatus.valueOf((String) r[7]),
        PgTypes.toDate(r[8]),
        (UUID) r[9],
        (String) r[10],
        (String) r[11]);
  }
}
