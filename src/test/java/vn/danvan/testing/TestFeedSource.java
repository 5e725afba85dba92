package vn.danvan.testing;

import jakarta.enterprise.inject.Instance;
import java.util.Set;
import vn.danvan.shared.sync.FeedRecordSource;

/**
 * A feed record source of the tests, for a type whose feature has no source of its own yet: it
 * steps aside (claims nothing) as soon as a source of the application claims the type, so that the
 * feature's source is the one exercised once it exists.
 */
public interface TestFeedSource extends FeedRecordSource {

  /** {@code type} alone, unless a source that is not a test source claims it. */
  static Set<String> unlessClaimed(Instance<FeedRecordSource> all, String type) {
    for (FeedRecordSource source : all) {
      if (!(source instanceof TestFeedSource) && source.entityTypes().contains(type)) {
        return Set.of();
      }
    }
    return Set.of(type);
  }
}
