package vn.danvan.shared.agenda;

import java.util.List;
import java.util.Set;

/**
 * A feature's obligations for the agenda (issue 14 §1): each feature that keeps deadlines (tasks,
 * directives, reporting, reception, dialogues) implements it as an application-scoped bean over its
 * own tables; the agenda finds them all through CDI and merges their answers, so no feature's SQL
 * ever reads another feature's tables. Every state comes from {@link ObligationState} (the one
 * rule). Obligations that no longer bind (a cancelled task, a withdrawn directive, a cancelled
 * dialogue) are left out.
 */
public interface ObligationSource {

  /** The kinds this source answers. */
  Set<ObligationKind> kinds();

  /**
   * The first {@code query.limit()} obligations of the wanted kinds that match the query and come
   * after its cursor, in the agenda's order ({@link ObligationKey#ORDER}, reversed when
   * descending). A bounded number of queries whatever the limit, never one per obligation.
   */
  List<Obligation> page(ObligationQuery query);

  /**
   * The counts of kind × state of the obligations that match the query (its cursor, order and limit
   * ignored), grouped by {@code groupBy}; {@code groupLevel} is, for {@link
   * ObligationGrouping#CHILD_UNIT}, the 1-based index in an owing unit's path (the root first) of
   * the unit it counts under. Zero counts may be absent.
   */
  List<ObligationCount> count(ObligationQuery query, ObligationGrouping groupBy, int groupLevel);
}
