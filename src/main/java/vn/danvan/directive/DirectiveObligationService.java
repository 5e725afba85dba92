package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.danvan.directive.DirectiveObligationRepository.Fulfilment;
import vn.danvan.directive.DirectiveObligationRepository.Scope;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;

/**
 * The obligations to implement a directive, a cascade of the actions on documents: issued with the
 * directive, fulfilled by the earliest implementing document of each unit, reopened when that
 * document is revoked or no longer implements it, passed on to the successors of a closed unit.
 * Every change of a row is announced (audit event and change-log entry), one statement each, in the
 * order the writes happen (a row given and taken back in one transaction ends deleted in the feed
 * too). Runs inside the transaction of the action.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class DirectiveObligationService {

  static final String ENTITY = "DIRECTIVE_OBLIGATION";

  @Inject DirectiveObligationRepository repo;
  @Inject OrgUnitService units;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * On issue: one obligation per target unit valid on the issue date; documents already issued that
   * implement the directive fulfil theirs at once, and units closed by restructurings already
   * entered pass theirs on, as if the document had been issued before them.
   */
  void issue(Directive d) {
    if (d.obligationTargets == null) {
      return;
    }
    if (d.obligationDueDate.isBefore(d.issueDate)) {
      throw ApiException.invalid("/obligations/dueDate", "field.DUE_DATE_BEFORE_ISSUE");
    }
    List<UUID> targets =
        switch (d.obligationTargets) {
          case RECIPIENTS ->
              d.recipients.stream()
                  .filter(r -> r.unitId != null && r.purpose == RecipientPurpose.EXECUTE)
                  .map(r -> r.unitId)
                  .filter(
                      u -> units.find(u, d.issueDate).map(OrgUnitResponse::active).orElse(false))
                  .distinct()
                  .toList();
          case CHILD_UNITS_OF_KIND ->
              d.issuingUnitId == null
                  ? List.of()
                  : units.childIdsOfKind(d.issuingUnitId, d.obligationKind, d.issueDate);
          case DESCENDANT_UNITS_OF_KIND ->
              d.issuingUnitId == null
                  ? List.of()
                  : units.descendantIdsOfKind(d.issuingUnitId, d.obligationKind, d.issueDate);
        };
    announce(
        "OBLIGATION_CREATED",
        AuditTrail.Operation.UPSERT,
        repo.insert(d.id, targets, d.obligationDueDate, Instant.now(clock)));
    fulfil(d.id, null);
    passOnAfterTheFact(d.id, Instant.now(clock));
  }

  /** An issued document now implementing what it references fulfils the obligations it may. */
  void implemented(UUID sourceId) {
    fulfil(null, sourceId);
  }

  /**
   * A revoked plan implements nothing: the obligations it met are open again, or met by another
   * plan of the same unit.
   */
  void revoked(UUID sourceId) {
    List<ObligationRow> reopened = repo.unfulfilAll(sourceId);
    announce("OBLIGATION_REOPENED", AuditTrail.Operation.UPSERT, reopened);
    for (UUID directive : reopened.stream().map(ObligationRow::directiveId).distinct().toList()) {
      fulfil(directive, null);
    }
  }

  /**
   * {@code sourceId} no longer implements {@code targetId}: the obligation falls back to open, or
   * to another implementing document.
   */
  void referenceRemoved(UUID targetId, UUID sourceId) {
    announce("OBLIGATION_REOPENED", AuditTrail.Operation.UPSERT, repo.unfulfil(targetId, sourceId));
    fulfil(targetId, null);
  }

  /**
   * Restructuring hook: the open obligations of a closed unit pass to its successor(s) in the
   * lineage from the effective date. Returns how many rows it passed on.
   */
  int transfer(UUID from) {
    Instant at = Instant.now(clock);
    int passed = markPassedOn(Scope.UNIT, from).size();
    List<ObligationRow> given = giveToSuccessors(Scope.UNIT, from, at);
    given.stream().map(ObligationRow::directiveId).distinct().forEach(d -> fulfil(d, null));
    return passed;
  }

  /**
   * Fulfils the obligations of {@code directiveId}, or those {@code sourceId} may fulfil. A row
   * passed on because its unit closed without a plan, whose plan, entered later, is dated before
   * the closing, was never passed on: what its successors got from it is taken back (and given
   * again from any other predecessor), as if the documents had been entered in the order of their
   * dates.
   */
  private void fulfil(UUID directiveId, UUID sourceId) {
    List<Fulfilment> rows = repo.fulfil(directiveId, sourceId);
    announce(
        "OBLIGATION_FULFILLED",
        AuditTrail.Operation.UPSERT,
        rows.stream().map(Fulfilment::row).toList());
    Set<UUID> reclaimed = new LinkedHashSet<>();
    for (Fulfilment f : rows) {
      if (f.wasPassedOn() != null) {
        announce(
            "OBLIGATION_TAKEN_BACK",
            AuditTrail.Operation.DELETE,
            repo.takeBack(f.row().directiveId(), f.row().unitId(), f.wasPassedOn()));
        reclaimed.add(f.row().directiveId());
      }
    }
    for (UUID directive : reclaimed) {
      passOnAfterTheFact(directive, Instant.now(clock));
    }
  }

  /**
   * Passes on the open obligations of a directive whose units were closed by restructurings entered
   * before it (a document entered after the fact), down a chain of restructurings: the same rule as
   * the restructuring hook, so the rows end as if the document had been issued first.
   */
  private void passOnAfterTheFact(UUID directiveId, Instant at) {
    // each round follows one more restructuring down a chain; a chain is a handful long
    for (int round = 0; round < 100; round++) {
      int passed = markPassedOn(Scope.DIRECTIVE, directiveId).size();
      List<ObligationRow> given = giveToSuccessors(Scope.DIRECTIVE, directiveId, at);
      if (!given.isEmpty()) {
        fulfil(directiveId, null);
      }
      if (passed == 0 && given.isEmpty()) {
        return;
      }
    }
  }

  private List<ObligationRow> markPassedOn(Scope scope, UUID key) {
    return announce(
        "OBLIGATION_PASSED_ON", AuditTrail.Operation.UPSERT, repo.markPassedOn(scope, key));
  }

  private List<ObligationRow> giveToSuccessors(Scope scope, UUID key, Instant at) {
    return announce(
        "OBLIGATION_TRANSFERRED",
        AuditTrail.Operation.UPSERT,
        repo.giveToSuccessors(scope, key, at));
  }

  /** Writes the audit events and change-log entries of the rows one statement changed. */
  private List<ObligationRow> announce(
      String action, AuditTrail.Operation op, List<ObligationRow> rows) {
    List<AuditTrail.Change> changes = new ArrayList<>(rows.size());
    for (ObligationRow r : rows) {
      changes.add(
          op == AuditTrail.Operation.DELETE
              ? new AuditTrail.Change(r.id(), r.unitId(), null, r.view(), null)
              : new AuditTrail.Change(r.id(), r.unitId(), null, null, r.view()));
    }
    audit.recordAll(action, ENTITY, op, changes, null);
    return rows;
  }
}
