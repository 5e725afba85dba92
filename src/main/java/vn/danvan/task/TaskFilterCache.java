package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.danvan.orgunit.TreeRevision;

/**
 * The unit filter and the scope of the task list as {@link TaskService#list} resolves them from the
 * tree, per caller's scope, unit and day, each kept with the tree's revision read before it was
 * resolved. A page uses an entry without reading the tree, and its statement returns the revision
 * of its own snapshot: another one than the entry's and the page is answered again, resolved
 * afresh. So a restructuring or a unit edit committed by any instance is seen by the next page.
 * Used only outside transactions. Bounded: cleared when full.
 */
@ApplicationScoped
class TaskFilterCache {

  private static final int MAX_ENTRIES = 10_000;

  /**
   * What was resolved: the caller's scope (its home unit; null for an unrestricted caller), the
   * filter's unit (null: none) and the day.
   */
  record Key(UUID home, UUID unitId, LocalDate day) {}

  /**
   * The filter's unit's depth in the tree (0 without a unit) and the roots a restricted caller's
   * rows are tested against (null: no test).
   */
  record Resolved(int depth, List<UUID> roots) {}

  record Entry(TreeRevision revision, Resolved resolved) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  Entry get(Key key) {
    return entries.get(key);
  }

  void put(Key key, TreeRevision revision, Resolved resolved) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key, new Entry(revision, resolved));
  }
}
