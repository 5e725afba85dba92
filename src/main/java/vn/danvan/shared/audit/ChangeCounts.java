package vn.danvan.shared.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;

/** What the current transaction changed, counted from its change-log entries (for summaries). */
@ApplicationScoped
public class ChangeCounts {

  @Inject AuditRepository repository;

  /**
   * The entities the current transaction wrote, by type, e.g. {@code "12 DIRECTIVE, 3 TASK"}
   * ({@code "nothing"} when none); one index range of the change log.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String ofCurrentTransaction() {
    List<AuditRepository.TypeCount> counts = repository.countsOfCurrentTransaction();
    if (counts.isEmpty()) {
      return "nothing";
    }
    return counts.stream()
        .map(c -> c.count() + " " + c.entityType())
        .collect(Collectors.joining(", "));
  }
}
