package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.danvan.orgunit.RestructuringListener;
import vn.danvan.shared.audit.AuditTrail;

/**
 * What a restructuring does to the regimes. Periods and their expected units are resolved on the
 * tree of each period's first day, so the units of a kind below a unit follow the new tree by
 * themselves, and a listed unit closed by the restructuring is replaced by its successors in the
 * lineage for every period that starts on or after the effective date ({@link
 * ReportingPeriodService}); periods that started before keep the unit. No stored value changes, but
 * each regime (not retired, with periods from the effective date) that lists a closed unit records
 * the change: its version moves, an audit event {@code REPORTING_REGIME_UNITS_PASSED_ON} and a feed
 * entry are written, and the restructuring's answer counts it among its transfers (one per listed
 * unit and successor, counting regimes). Runs inside the restructuring's transaction (a dry run
 * rolls it back too).
 */
@ApplicationScoped
class ReportingRegimeTransfer implements RestructuringListener {

  /** The audit view after the change: the regime and which listed units pass to whom. */
  record UnitsPassedOn(
      ReportingRegimeResponse regime,
      UUID restructuringId,
      LocalDate effectiveDate,
      List<Handover> handovers) {}

  /** One listed unit and its successors ({@code toUnitIds} empty: dissolved without one). */
  record Handover(UUID fromUnitId, List<UUID> toUnitIds) {}

  @Inject ReportingRegimeRepository repo;
  @Inject ReportingRegimeService regimes;
  @Inject AuditTrail audit;
  @Inject EntityManager em;

  @Override
  public List<Transfer> onRestructured(Event event) {
    Map<UUID, List<UUID>> successors = new LinkedHashMap<>();
    for (Succession s : event.successions()) {
      if (Objects.equals(s.predecessorId(), s.successorId())) {
        continue;
      }
      List<UUID> to = successors.computeIfAbsent(s.predecessorId(), k -> new ArrayList<>());
      if (s.successorId() != null && !to.contains(s.successorId())) {
        to.add(s.successorId());
      }
    }
    if (successors.isEmpty()) {
      return List.of();
    }
    Map<List<UUID>, Integer> counts = new LinkedHashMap<>();
    for (ReportingRegime r : repo.listing(successors.keySet(), event.effectiveDate())) {
      List<Handover> handovers = new ArrayList<>();
      for (UUID listed : r.reportingUnitIds) {
        List<UUID> to = successors.get(listed);
        if (to != null) {
          handovers.add(new Handover(listed, List.copyOf(to)));
          to.forEach(t -> counts.merge(List.of(listed, t), 1, Integer::sum));
        }
      }
      ReportingRegimeResponse before = regimes.response(r);
      // nothing stored changes, but the regime's meaning does: its version moves (also when the
      // clock shows the same instant as the last change)
      em.lock(r, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
      audit.action(
          "REPORTING_REGIME_UNITS_PASSED_ON",
          ReportingRegimeService.ENTITY,
          r.id,
          r.collectingUnitId,
          r.version,
          before,
          new UnitsPassedOn(
              regimes.response(r), event.restructuringId(), event.effectiveDate(), handovers),
          null);
    }
    List<Transfer> transfers = new ArrayList<>();
    counts.forEach(
        (pair, n) ->
            transfers.add(
                new Transfer(ReportingRegimeService.ENTITY, pair.get(0), pair.get(1), n)));
    return transfers;
  }
}
