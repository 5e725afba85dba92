package vn.danvan.orgunit;

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
 * Bulk import of units ({@code type=ORG_UNIT}, JSON or CSV): each item is written by the rules of
 * {@code PUT /org-units/{id}} (item with {@code id}) or {@code PUT /org-units/by-source/...} (item
 * with only a source key), without If-Match ({@link Preconditions#IMPORT}). A parent may be a unit
 * created earlier in the same import.
 */
@ApplicationScoped
class OrgUnitImportTarget implements ImportTarget<OrgUnitImportItem> {

  static final String TYPE = OrgUnitService.ENTITY;

  private static final List<CsvColumn> COLUMNS =
      List.of(
          new CsvColumn("Mã định danh", "id"),
          new CsvColumn("Mã đơn vị", "code"),
          new CsvColumn("Tên đơn vị", "name"),
          new CsvColumn("Tên ngắn", "shortName"),
          new CsvColumn("Cấp", "kind"),
          new CsvColumn("Đơn vị cấp trên", "parentId"),
          new CsvColumn("Ngày bắt đầu", "validFrom"),
          new CsvColumn("Hệ thống nguồn", "sourceSystem"),
          new CsvColumn("Mã nguồn", "sourceId"),
          new CsvColumn("Phiên bản nguồn", "sourceVersion"),
          new CsvColumn("Thời điểm cập nhật nguồn", "sourceUpdatedAt"));

  @Inject OrgUnitService units;
  @Inject OrgUnitRepository repo;
  @Inject CurrentUser user;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<OrgUnitImportItem> itemType() {
    return OrgUnitImportItem.class;
  }

  @Override
  public List<CsvColumn> csvColumns() {
    return COLUMNS;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public List<ImportItemResult> apply(List<OrgUnitImportItem> items) {
    // one query loads the units named by id; each upsert then finds its unit in the session
    repo.units(items.stream().map(OrgUnitImportItem::id).filter(Objects::nonNull).toList());
    List<ImportItemResult> results = new ArrayList<>(items.size());
    for (OrgUnitImportItem item : items) {
      try {
        // every ApiException of an upsert comes before its first write: the item simply failed
        Upserted<OrgUnitResponse> done = upsert(item);
        results.add(ImportItemResult.of(done.outcome(), done.body().id()));
      } catch (ApiException e) {
        results.add(ImportItemResult.failed(e));
      }
    }
    return results;
  }

  private Upserted<OrgUnitResponse> upsert(OrgUnitImportItem item) {
    String system = item.sourceSystem();
    if (system == null && item.sourceId() != null) {
      system =
          user.sourceSystem()
              .orElseThrow(() -> ApiException.invalid("/sourceSystem", "field.REQUIRED"));
    }
    if (item.id() != null) {
      return units.put(item.id(), null, Preconditions.IMPORT, item.request(system));
    }
    if (item.sourceId() == null) {
      throw ApiException.invalid("/id", "field.IMPORT_KEY_REQUIRED");
    }
    SourceKey key = SourceKey.of(system, item.sourceId(), "/sourceSystem", "/sourceId");
    return units.put(null, key, Preconditions.IMPORT, item.request(system));
  }
}
