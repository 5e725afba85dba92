package vn.danvan.shared.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The scope roots of each home unit, as of a tree revision: computing them walks the lineage (≈ 20
 * ms for a province at national scale) while reading the revision is one primary-key read.
 */
@ApplicationScoped
public class ScopeRootsCache {

  private static final int MAX_ENTRIES = 20_000;

  private record Entry(long revision, ScopeRoots roots) {}

  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

  ScopeRoots get(UUID home, long revision, Supplier<ScopeRoots> compute) {
    Entry entry = entries.get(home);
    if (entry != null && entry.revision() == revision) {
      return entry.roots();
    }
    ScopeRoots roots = compute.get();
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(home, new Entry(revision, roots));
    return roots;
  }
}
