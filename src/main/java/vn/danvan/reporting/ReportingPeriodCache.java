package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import vn.danvan.orgunit.TreeRevision;

/**
 * The expected units of the periods {@link ReportingPeriodService} resolves, per regime version and
 * period, each kept with the tree's revision read before it was resolved (as {@code
 * vn.danvan.task.TaskFilterCache} keeps its filters): an entry is used only by a reader of the same
 * revision, so a restructuring or a unit edit committed by any instance, or an edit of the regime
 * (a new version), is resolved afresh by the next reader. Read only outside transactions. Bounded:
 * cleared when full.
 */
@ApplicationScoped
class ReportingPeriodCache {

  private static final int MAX_ENTRIES = 1_024;
  private static final long MAX_UNITS = 200_000;

  /** What was resolved: the regime in one version and the period's code. */
  record Key(UUID regimeId, long regimeVersion, String code) {}

  /**
   * A resolved period: whether the regime has it (its collecting unit existed on its first day),
   * the collecting unit's name that day and the expected units (none when it has not).
   */
  record Units(
      boolean has, String collectingUnitName, List<ReportingPeriodResponse.ExpectedUnit> expected) {
    Units {
      expected = List.copyOf(expected);
    }
  }

  private record Entry(TreeRevision revision, Units units) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong units = new AtomicLong();

  /** The entry of {@code key} resolved on {@code revision}, else {@code resolve}'s, kept. */
  Units get(Key key, TreeRevision revision, Supplier<Units> resolve) {
    Entry entry = entries.get(key);
    if (entry != null && entry.revision().equals(revision)) {
      return entry.units();
    }
    Units answer = resolve.get();
    if (entries.size() >= MAX_ENTRIES || units.addAndGet(answer.expected().size()) > MAX_UNITS) {
      entries.clear();
      units.set(answer.expected().size());
    }
    Entry old = entries.put(key, new Entry(revision, answer));
    if (old != null) {
      units.addAndGet(-old.units().expected().size());
    }
    return answer;
  }
}
