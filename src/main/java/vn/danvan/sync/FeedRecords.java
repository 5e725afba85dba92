package vn.danvan.sync;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/** The features' {@link FeedRecordSource}s, by entity type. */
@ApplicationScoped
class FeedRecords {

  @Inject @Any Instance<FeedRecordSource> sources;

  /** Fails the start when two sources claim one type: which one renders it must not be chance. */
  void check(@Observes StartupEvent event) {
    bySource();
  }

  /** The source of each type (asked each time: cheap, a handful of beans). */
  Map<String, FeedRecordSource> bySource() {
    Map<String, FeedRecordSource> byType = new HashMap<>();
    for (FeedRecordSource source : sources) {
      for (String type : source.entityTypes()) {
        FeedRecordSource other = byType.putIfAbsent(type, source);
        if (other != null && other != source) {
          throw new IllegalStateException(
              "Two feed record sources for "
                  + type
                  + ": "
                  + other.getClass().getName()
                  + ", "
                  + source.getClass().getName());
        }
      }
    }
    return byType;
  }

  /** The types {@code types} accepts, sorted: the catalogue and the sources' types. */
  List<String> knownTypes() {
    TreeSet<String> known = new TreeSet<>(ChangeTypes.KNOWN);
    for (FeedRecordSource source : sources) {
      known.addAll(source.entityTypes());
    }
    return List.copyOf(known);
  }

  /**
   * What rendering a page's records found: records by type and id, and the types without source.
   */
  record Rendered(Map<String, Map<UUID, Object>> records, Map<String, Boolean> supported) {}

  /**
   * The current records of {@code idsByType} as the caller may see them: one call of each type's
   * source for the whole page; ids a source does not answer are absent.
   */
  Rendered render(Map<String, List<UUID>> idsByType) {
    Map<String, FeedRecordSource> byType = bySource();
    Map<String, Map<UUID, Object>> records = new LinkedHashMap<>();
    Map<String, Boolean> supported = new HashMap<>();
    idsByType.forEach(
        (type, ids) -> {
          FeedRecordSource source = byType.get(type);
          supported.put(type, source != null);
          if (source != null && !ids.isEmpty()) {
            Map<UUID, Object> found = source.records(type, new ArrayList<>(ids));
            records.put(type, found == null ? Map.of() : found);
          }
        });
    return new Rendered(records, supported);
  }
}
