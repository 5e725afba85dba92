package vn.danvan.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.testing.TestFeedSource;

/**
 * Org units for the change feed's tests: what {@code GET /api/v1/org-units/{id}} answers the caller
 * (404 for a unit gone or outside the caller's scope: left out). One read per id: good enough for
 * tests, not for the benchmark.
 */
@ApplicationScoped
public class OrgUnitFeedSource implements TestFeedSource {

  @Inject OrgUnitService units;
  @Inject @Any Instance<FeedRecordSource> all;

  @Override
  public Set<String> entityTypes() {
    return TestFeedSource.unlessClaimed(all, OrgUnitService.ENTITY);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    Map<UUID, Object> out = new HashMap<>();
    for (UUID id : ids) {
      try {
        out.put(id, units.get(id, null));
      } catch (ApiException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
    }
    return out;
  }
}
