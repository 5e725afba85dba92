package vn.danvan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The answers of {@link OrgUnitService#subtreeOn}, each kept with the tree's revision it was read
 * under, as {@link UnitsOfKindsCache} keeps its own (the revision is read before the subtree; read
 * only outside transactions). Bounded: cleared when full.
 */
@ApplicationScoped
class SubtreesCache {

  private static final int MAX_ENTRIES = 512;
  private static final long MAX_UNITS = 250_000;

  /** What was asked: the unit and the day. */
  record Key(UUID unitId, LocalDate day) {}

  private record Entry(long revision, long writer, List<OrgUnitService.SubtreeMember> members) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong members = new AtomicLong();

  List<OrgUnitService.SubtreeMember> get(
      Key key, long revision, long writer, Supplier<List<OrgUnitService.SubtreeMember>> read) {
    Entry entry = entries.get(key);
    if (entry != null && entry.revision() == revision && entry.writer() == writer) {
      return entry.members();
    }
    List<OrgUnitService.SubtreeMember> answer = List.copyOf(read.get());
    if (entries.size() >= MAX_ENTRIES || members.addAndGet(answer.size()) > MAX_UNITS) {
      entries.clear();
      members.set(answer.size());
    }
    entries.put(key, new Entry(revision, writer, answer));
    return answer;
  }
}
