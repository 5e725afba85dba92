package vn.danvan.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.UnitScope;

/**
 * The change feed. Entries are ordered by (transaction id, sequence) and served only from
 * transactions older than the oldest one still running ({@code pg_snapshot_xmin}): every such
 * transaction has ended, so no entry can later appear before the reader's position. A transaction
 * that commits late is delivered late, never skipped.
 */
@ApplicationScoped
public class ChangeFeedService {

  private static final String LIST = "changes";

  @Inject ChangeFeedRepository repository;
  @Inject UnitScope scope;

  @Transactional
  public ChangeFeedPage read(String after, List<String> types, PageRequest page) {
    ChangeFeedRepository.Position position = null;
    if (after != null && !after.isBlank()) {
      Cursor.Keys keys =
          Cursor.decodeParameter("after", LIST, after, Cursor.KeyType.XID, Cursor.KeyType.LONG);
      position = new ChangeFeedRepository.Position(keys.xid(0), keys.longValue(1));
    }
    String horizon = repository.horizon();
    String roots = scope.restriction().isPresent() ? scope.roots() : null;
    List<ChangeResponse> items = new ArrayList<>();
    String next = position == null ? Cursor.encode(LIST, "0", 0) : after;
    for (ChangeFeedRepository.Entry e :
        repository.read(
            horizon, position, types == null ? List.of() : types, roots, page.limit())) {
      items.add(
          new ChangeResponse(
              e.entityType(),
              e.entityId(),
              e.operation(),
              e.entityVersion(),
              e.unitId(),
              e.changedAt()));
      next = Cursor.encode(LIST, e.position().txid(), e.position().seq());
    }
    return new ChangeFeedPage(items, next);
  }
}
