package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import vn.danvan.orgunit.TreeRevision;

/**
 * The expected units of a period as the agenda filters them ({@link ReportObligationSource}): their
 * ids and their paths on the agenda's day, per regime version, period and day, each kept with the
 * tree's revision read before it was resolved, as {@link ReportingPeriodCache} keeps the periods.
 * Read only outside transactions. Bounded: cleared when full.
 */
@ApplicationScoped
class ReportAgendaCache {

  private static final int MAX_ENTRIES = 1_024;
  private static final long MAX_UNITS = 200_000;

  /** What was resolved: the regime in one version, the period's code and the agenda's day. */
  record Key(UUID regimeId, long regimeVersion, String code, LocalDate day) {}

  /**
   * The expected units of a period (none when the regime does not have it) and, at the same index,
   * each one's path (root..unit) on the day: the unit alone when it has none.
   */
  record Period(List<UUID> units, List<List<UUID>> paths, Map<UUID, int[]> below) {
    static final Period NONE = new Period(List.of(), List.of());

    Period(List<UUID> units, List<List<UUID>> paths) {
      this(List.copyOf(units), List.copyOf(paths), index(paths));
    }

    /**
     * The units at or below {@code ancestor}, by their index in {@link #units}, ascending: a query
     * for one subtree reads its own units, not every unit of the period.
     */
    BitSet at(UUID ancestor) {
      BitSet out = new BitSet(units.size());
      for (int i : below.getOrDefault(ancestor, new int[0])) {
        out.set(i);
      }
      return out;
    }

    /** Each unit of a path, the unit itself included, with the indices of the units below it. */
    private static Map<UUID, int[]> index(List<List<UUID>> paths) {
      Map<UUID, List<Integer>> lists = new HashMap<>();
      for (int i = 0; i < paths.size(); i++) {
        for (UUID ancestor : paths.get(i)) {
          lists.computeIfAbsent(ancestor, k -> new ArrayList<>()).add(i);
        }
      }
      Map<UUID, int[]> out = new HashMap<>(lists.size() * 2);
      lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      return Map.copyOf(out);
    }
  }

  private record Entry(TreeRevision revision, Period period) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong units = new AtomicLong();

  /** The entry of {@code key} resolved on {@code revision}, else {@code resolve}'s, kept. */
  Period get(Key key, TreeRevision revision, Supplier<Period> resolve) {
    Entry entry = entries.get(key);
    if (entry != null && entry.revision().equals(revision)) {
      return entry.period();
    }
    Period answer = resolve.get();
    if (entries.size() >= MAX_ENTRIES || units.addAndGet(answer.units().size()) > MAX_UNITS) {
      entries.clear();
      units.set(answer.units().size());
    }
    Entry old = entries.put(key, new Entry(revision, answer));
    if (old != null) {
      units.addAndGet(-old.period().units().size());
    }
    return answer;
  }
}
