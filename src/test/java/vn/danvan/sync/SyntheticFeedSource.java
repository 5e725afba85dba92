package vn.danvan.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.testing.TestFeedSource;

/**
 * Entity types made up by a test ({@link #freshType}), so that a test reads only the entries it
 * wrote itself (straight into the change log). Their records are rendered as the SPI requires: ids
 * marked {@link #secret} only for admins, ids marked {@link #gone} never; every call is logged to
 * check that the feed renders a page's records in one call per type.
 */
@ApplicationScoped
public class SyntheticFeedSource implements TestFeedSource {

  private static final Set<String> TYPES = ConcurrentHashMap.newKeySet();
  private static final Set<UUID> SECRET = ConcurrentHashMap.newKeySet();
  private static final Set<UUID> GONE = ConcurrentHashMap.newKeySet();

  /** The calls made: type and the ids asked. */
  static final List<Map.Entry<String, List<UUID>>> CALLS = new CopyOnWriteArrayList<>();

  @Inject CurrentUser user;

  /** A new type, known to the feed from now on. */
  static String freshType() {
    String type = "TEST_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    TYPES.add(type);
    return type;
  }

  static void secret(UUID id) {
    SECRET.add(id);
  }

  static void gone(UUID id) {
    GONE.add(id);
  }

  /** The content a record of {@code id} carries (to look for leaks). */
  static String content(UUID id) {
    return "Nội dung mật " + id;
  }

  @Override
  public Set<String> entityTypes() {
    return Set.copyOf(TYPES);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    CALLS.add(Map.entry(entityType, List.copyOf(ids)));
    Map<UUID, Object> out = new HashMap<>();
    for (UUID id : ids) {
      if (GONE.contains(id) || (SECRET.contains(id) && !user.isAdmin())) {
        continue;
      }
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("id", id);
      record.put("type", entityType);
      record.put("content", content(id));
      out.put(id, record);
    }
    return out;
  }
}
