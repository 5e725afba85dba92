package vn.danvan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.shared.time.BusinessTime;

/**
 * Units for the change feed: what {@code GET /org-units/{id}} answers the caller (the unit as of
 * today), only the units of the caller's scope. Three queries per page.
 */
@ApplicationScoped
class OrgUnitFeedRecords implements FeedRecordSource {

  @Inject OrgUnitRepository repo;
  @Inject UnitScope scope;
  @Inject Clock clock;

  @Override
  public Set<String> entityTypes() {
    return Set.of(OrgUnitService.ENTITY);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    Map<UUID, Object> out = new LinkedHashMap<>();
    if (!OrgUnitService.ENTITY.equals(entityType) || ids.isEmpty()) {
      return out;
    }
    Collection<UUID> visible =
        scope.restriction().isPresent() ? repo.underAny(ids, scope.roots()) : ids;
    Map<UUID, OrgUnit> units = repo.units(visible);
    LocalDate day = BusinessTime.today(clock);
    Map<UUID, OrgUnitVersion> versions = repo.displayVersions(units.keySet(), day);
    for (UUID id : ids) {
      OrgUnit unit = units.get(id);
      OrgUnitVersion version = versions.get(id);
      if (unit != null && version != null) {
        out.put(id, OrgUnitResponse.of(unit, version, day));
      }
    }
    return out;
  }
}
