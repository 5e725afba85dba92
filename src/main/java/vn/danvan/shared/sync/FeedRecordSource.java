package vn.danvan.shared.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The current representation of a feature's records for the change feed ({@code include=record})
 * and for webhook payloads: exactly what the feature's {@code GET /{id}} answers the current caller
 * (the same response record, masked the same way: a denouncer's identity never, a secret directive
 * only for callers allowed to read it). Each feature implements it as an application-scoped bean;
 * the feed finds them all through CDI.
 */
public interface FeedRecordSource {

  /** The change-log entity types this source renders (e.g. {@code TASK}). */
  Set<String> entityTypes();

  /**
   * The records among {@code ids} (all of {@code entityType}) that exist and that the current
   * caller may read, by id; a record that is gone or not readable is absent. A few queries for the
   * whole list, never one per id: a feed page carries up to 500 records.
   */
  Map<UUID, Object> records(String entityType, List<UUID> ids);
}
