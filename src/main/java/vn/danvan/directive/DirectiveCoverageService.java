package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.time.BusinessTime;

/**
 * Who has issued an implementing plan of a directive, on a day: one row per obliged unit with its
 * state (Decision 42/2014), totals per state; readable by whoever can read the directive.
 */
@ApplicationScoped
class DirectiveCoverageService {

  @Inject DirectiveAccess access;
  @Inject DirectiveObligationRepository repo;
  @Inject Clock clock;

  /** The coverage on {@code asOf} (default today in Vietnam), by unit name. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CoverageResponse coverage(UUID id, LocalDate asOf, CoverageState state, PageRequest page) {
    access.require(id);
    CoverageQuery query =
        new CoverageQuery(id, asOf != null ? asOf : BusinessTime.today(clock), state);
    String tag = Cursor.tag("coverage", query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.TEXT, Cursor.KeyType.UUID);
    List<CoverageRow> rows =
        repo.coverage(
            query,
            keys == null ? null : keys.text(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize(),
            access.roots());
    Page<CoverageResponse.Item> items =
        Page.of(
            rows,
            page.limit(),
            DirectiveCoverageService::item,
            r -> Cursor.encode(tag, r.unitName(), r.unitId()));
    Map<CoverageState, Long> t = repo.coverageTotals(query);
    long onTime = t.get(CoverageState.ISSUED_ON_TIME);
    long late = t.get(CoverageState.ISSUED_LATE);
    long pending = t.get(CoverageState.PENDING_IN_TERM);
    long overdue = t.get(CoverageState.OVERDUE);
    return new CoverageResponse(
        id,
        query.asOf(),
        new CoverageResponse.Totals(
            onTime + late + pending + overdue, onTime, late, pending, overdue),
        items.items(),
        items.next());
  }

  private static CoverageResponse.Item item(CoverageRow r) {
    return new CoverageResponse.Item(
        new CoverageResponse.Unit(r.unitId(), r.unitName()),
        r.state(),
        r.dueDate(),
        r.documentId() == null
            ? null
            : new CoverageResponse.Document(r.documentId(), r.documentNumber(), r.documentDate()),
        r.transferredFromUnitId());
  }
}
