package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;

/**
 * Bulk import of documents ({@code type=DIRECTIVE}, JSON only): each item is written by the rules
 * of {@code PUT /directives/{id}} (item with {@code id}) or {@code PUT /directives/by-source/...}
 * (item with only a source key), without If-Match ({@link Preconditions#IMPORT}).
 */
@ApplicationScoped
class DirectiveImportTarget implements ImportTarget<DirectiveImportItem> {

  static final String TYPE = DirectiveService.ENTITY;

  @Inject DirectiveService directives;
  @Inject DirectiveRepository repo;
  @Inject CurrentUser user;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<DirectiveImportItem> itemType() {
    return DirectiveImportItem.class;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public List<ImportItemResult> apply(List<DirectiveImportItem> items) {
    // one query loads the documents named by id; each upsert then finds its own in the session
    repo.loadAll(items.stream().map(DirectiveImportItem::id).filter(Objects::nonNull).toList());
    List<ImportItemResult> results = new ArrayList<>(items.size());
    for (DirectiveImportItem item : items) {
      try {
        // every ApiException of an upsert comes before its first write: the item simply failed
        Upserted<DirectiveResponse> done = upsert(item);
        results.add(ImportItemResult.of(done.outcome(), done.body().id()));
      } catch (ApiException e) {
        results.add(ImportItemResult.failed(e));
      }
    }
    return results;
  }

  private Upserted<DirectiveResponse> upsert(DirectiveImportItem item) {
    String system = item.sourceSystem();
    if (system == null && item.sourceId() != null) {
      system =
          user.sourceSystem()
              .orElseThrow(() -> ApiException.invalid("/sourceSystem", "field.REQUIRED"));
    }
    if (item.id() != null) {
      return directives.put(item.id(), null, Preconditions.IMPORT, item.request(system));
    }
    if (item.sourceId() == null) {
      throw ApiException.invalid("/id", "field.IMPORT_KEY_REQUIRED");
    }
    SourceKey key = SourceKey.of(system, item.sourceId(), "/sourceSystem", "/sourceId");
    return directives.put(null, key, Preconditions.IMPORT, item.request(system));
  }
}
