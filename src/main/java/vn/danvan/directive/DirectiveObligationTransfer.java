package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.danvan.orgunit.RestructuringListener;

/**
 * The obligations of a closed unit pass to its successor(s) when the tree is restructured: a merged
 * commune's successor owes the plans both communes owed; in a split every successor owes it (the
 * successors are those of the lineage, the same rule as for a document issued after the
 * restructuring). Runs inside the restructuring's transaction (a dry run rolls it back too).
 */
@ApplicationScoped
class DirectiveObligationTransfer implements RestructuringListener {

  @Inject DirectiveObligationService obligations;

  @Override
  public List<Transfer> onRestructured(Event event) {
    Map<UUID, List<UUID>> successors = new LinkedHashMap<>();
    for (Succession s : event.successions()) {
      if (s.successorId() != null && !Objects.equals(s.predecessorId(), s.successorId())) {
        successors.computeIfAbsent(s.predecessorId(), k -> new ArrayList<>()).add(s.successorId());
      }
    }
    List<Transfer> transfers = new ArrayList<>();
    successors.forEach(
        (from, to) -> {
          int count = obligations.transfer(from);
          if (count > 0) {
            to.forEach(
                t ->
                    transfers.add(new Transfer(DirectiveObligationService.ENTITY, from, t, count)));
          }
        });
    return transfers;
  }
}
