package vn.danvan.shared.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;

/** What the current transaction changed, counted from its change-log entries (for summaries). */
@ApplicationScoped
public class ChangeCounts {

  @Inject EntityManager em;

  /**
   * The entities the current transaction wrote, by type, e.g. {@code "12 DIRECTIVE, 3 TASK"}
   * ({@code "nothing"} when none); one index range of the change log.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String ofCurrentTransaction() {
    em.flush();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select entity_type, count(distinct entity_id) from change_log
                 where txid = pg_current_xact_id()
                 group by entity_type order by entity_type
                """)
            .getResultList();
    if (rows.isEmpty()) {
      return "nothing";
    }
    return rows.stream()
        .map(r -> ((Number) r[1]).longValue() + " " + r[0])
        .collect(Collectors.joining(", "));
  }
}
