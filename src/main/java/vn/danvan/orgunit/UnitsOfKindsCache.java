package vn.danvan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The answers of {@link OrgUnitService#subtreeOfKinds}, each kept with the tree's revision it was
 * read under: the revision number and the transaction that wrote it ({@code org_unit_tree_revision}
 * and its {@code xmin}; every change to versions or lineage bumps it in the same transaction, so a
 * restructuring or a unit edit committed by any instance changes it, and a reset or rolled-back
 * number never matches). The revision is read before the units, so an entry never holds a tree
 * older than its revision. Read only outside transactions. Bounded: cleared when full.
 */
@ApplicationScoped
class UnitsOfKindsCache {

  private static final int MAX_ENTRIES = 512;
  private static final long MAX_UNITS = 250_000;

  /** What was asked: the anchors (sorted; null for the whole tree), the kinds and the day. */
  record Key(List<UUID> anchors, Set<OrgUnitKind> kinds, LocalDate day) {
    static Key of(Collection<UUID> anchors, Set<OrgUnitKind> kinds, LocalDate day) {
      return new Key(
          anchors == null ? null : anchors.stream().distinct().sorted().toList(),
          Set.copyOf(EnumSet.copyOf(kinds)),
          day);
    }
  }

  private record Entry(long revision, long writer, List<OrgUnitService.UnitOnDay> units) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong units = new AtomicLong();

  List<OrgUnitService.UnitOnDay> get(
      Key key, long revision, long writer, Supplier<List<OrgUnitService.UnitOnDay>> read) {
    Entry entry = entries.get(key);
    if (entry != null && entry.revision() == revision && entry.writer() == writer) {
      return entry.units();
    }
    List<OrgUnitService.UnitOnDay> answer = List.copyOf(read.get());
    if (entries.size() >= MAX_ENTRIES || units.addAndGet(answer.size()) > MAX_UNITS) {
      entries.clear();
      units.set(answer.size());
    }
    entries.put(key, new Entry(revision, writer, answer));
    return answer;
  }
}
