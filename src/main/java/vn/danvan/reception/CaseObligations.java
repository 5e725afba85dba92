package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The legal deadlines of cases as agenda obligations: {@code CASE_ACCEPTANCE} (from the receipt)
 * and {@code CASE_RESOLUTION} (from the acceptance, extensions applied), of complaints and
 * denunciations (petitions and feedback have none). The due dates are the case's stored ones, which
 * the reception feature computes with {@link DeadlineRules} and keeps in step with the business
 * calendar ({@link CaseDeadlineRecalculation}); the states follow {@link
 * vn.danvan.shared.agenda.ObligationState} on the query's day, in SQL.
 *
 * <ul>
 *   <li>Owed by the unit handling the case (the one the case list filters by), matched by the
 *       case's stored unit path.
 *   <li>Acceptance is done on the day the case was accepted, or refused (closed without being
 *       accepted: the case's closing day); resolution on the day it was resolved. A done day after
 *       the query's day is not done yet.
 *   <li>A transferred case binds no more (the receiving body owes it; the unit keeps no deadline of
 *       it): both its deadlines are left out. A resolved or closed case keeps its done deadlines; a
 *       reopened one owes its resolution again.
 *   <li>As of a past day, a case received after that day is not listed, nor the resolution of a
 *       case accepted after it (the deadline had not started).
 * </ul>
 *
 * <p>The entry names the case by the number its source system gave it, or by the first eight
 * characters of its id, and its content kind: never its title, content or any person.
 */
@ApplicationScoped
public class CaseObligations implements ObligationSource {

  private static final Set<ObligationKind> KINDS =
      Set.of(ObligationKind.CASE_ACCEPTANCE, ObligationKind.CASE_RESOLUTION);
  private static final Locale VI = Locale.forLanguageTag("vi");

  @Inject ReceptionObligationRepository repo;
  @Inject OrgUnitService units;

  @Override
  public Set<ObligationKind> kinds() {
    return KINDS;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Obligation> page(ObligationQuery query) {
    List<ObligationKind> kinds = wanted(query);
    if (kinds.isEmpty() || query.limit() <= 0) {
      return List.of();
    }
    return repo.page(query, kinds, province(query)).stream()
        .map(r -> entry(r, query.day()))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ObligationCount> count(
      ObligationQuery query, ObligationGrouping groupBy, int groupLevel) {
    List<ObligationKind> kinds = wanted(query);
    if (kinds.isEmpty()) {
      return List.of();
    }
    return repo.count(query, kinds, province(query), groupBy, groupLevel);
  }

  private static List<ObligationKind> wanted(ObligationQuery q) {
    return Stream.of(ObligationKind.CASE_ACCEPTANCE, ObligationKind.CASE_RESOLUTION)
        .filter(q.kinds()::contains)
        .toList();
  }

  /** Whether the query asks for a province's whole subtree (read by the per-province indexes). */
  private boolean province(ObligationQuery q) {
    if (q.unitId() == null || q.mode() != OrgUnitMode.DESCENDANTS) {
      return false;
    }
    return units.pathsOn(List.of(q.unitId()), q.day()).getOrDefault(q.unitId(), List.of()).size()
        == 2;
  }

  private static Obligation entry(ReceptionObligationRepository.CaseDeadlineRow r, LocalDate day) {
    return new Obligation(
        r.kind(),
        r.caseId(),
        r.unitId(),
        r.dueDate(),
        r.state(),
        r.doneDate() == null || r.doneDate().isAfter(day) ? null : r.doneDate(),
        title(r),
        ReceptionCaseResource.COLLECTION + "/" + r.caseId());
  }

  /** "Vụ việc khiếu nại số 8A0E4C1B: hạn thụ lý". */
  static String title(ReceptionObligationRepository.CaseDeadlineRow r) {
    String number =
        r.sourceId() != null
            ? r.sourceId()
            : r.caseId().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String deadline = r.kind() == ObligationKind.CASE_ACCEPTANCE ? "hạn thụ lý" : "hạn giải quyết";
    return "Vụ việc "
        + r.contentKind().labelIn(VI).toLowerCase(VI)
        + " số "
        + number
        + ": "
        + deadline;
  }
}
