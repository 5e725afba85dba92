package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;

/**
 * Bulk import of reception visits ({@code type=RECEPTION_VISIT}, JSON only): each item upserted by
 * the rules of {@code PUT /reception-visits/{id}} and {@code /by-source/...} without If-Match
 * ({@link Preconditions#IMPORT}), with the same scope, ownership and personal-data protection. The
 * stored visits of a batch are looked up in two queries (by id, by source key); each item is then
 * checked completely before anything of it is written, so a refused item is a result, not a
 * rollback.
 */
@ApplicationScoped
public class ReceptionVisitImport implements ImportTarget<VisitImportItem> {

  public static final String TYPE = ReceptionVisitService.ENTITY;

  @Inject ReceptionVisitService visits;
  @Inject ReceptionRepository repo;
  @Inject CurrentUser user;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<VisitImportItem> itemType() {
    return VisitImportItem.class;
  }

  @Override
  @Transactional
  public List<ImportItemResult> apply(List<VisitImportItem> items) {
    List<ImportItemResult> results = new ArrayList<>(items.size());
    if (!writer()) {
      items.forEach(i -> results.add(ImportItemResult.failed(ApiException.forbidden())));
      return results;
    }
    String callerSystem = user.sourceSystem().orElse(null);
    Set<UUID> ids = new LinkedHashSet<>();
    Set<SourceKey> keys = new LinkedHashSet<>();
    for (VisitImportItem item : items) {
      if (item.id() != null) {
        ids.add(item.id());
      } else if (item.sourceId() != null) {
        String system = item.sourceSystem() != null ? item.sourceSystem() : callerSystem;
        if (system != null) {
          keys.add(new SourceKey(system, item.sourceId()));
        }
      }
    }
    Map<UUID, ReceptionVisit> byId = new HashMap<>();
    repo.visits(List.copyOf(ids)).forEach(v -> byId.put(v.id, v));
    Map<SourceKey, ReceptionVisit> bySource = new HashMap<>();
    repo.bySource(ReceptionVisit.class, keys)
        .forEach(v -> bySource.put(new SourceKey(v.sourceSystem, v.sourceId), v));
    for (VisitImportItem item : items) {
      try {
        results.add(apply(item, callerSystem, byId, bySource));
      } catch (ApiException e) {
        results.add(ImportItemResult.failed(e));
      }
    }
    return results;
  }

  private ImportItemResult apply(
      VisitImportItem item,
      String callerSystem,
      Map<UUID, ReceptionVisit> byId,
      Map<SourceKey, ReceptionVisit> bySource) {
    String system = item.sourceSystem();
    if (system == null && item.sourceId() != null) {
      if (callerSystem == null) {
        throw ApiException.invalid("/sourceSystem", "field.REQUIRED");
      }
      system = callerSystem;
    }
    VisitRequest req = item.toRequest(system);
    Provenance in = ReceptionVisitService.incoming(req);
    ReceptionVisit current;
    UUID newId;
    if (item.id() != null) {
      current = byId.get(item.id());
      newId = item.id();
    } else if (in.owned()) {
      current = bySource.get(in.key());
      newId = UUID.randomUUID();
    } else {
      throw ApiException.invalid("/id", "field.ID_OR_SOURCE_ID");
    }
    Upserted<VisitResponse> done = visits.upsert(current, newId, Preconditions.IMPORT, in, req);
    UUID id = done.body().id();
    if (current == null) {
      // a later item of the batch with the same key replaces this one
      ReceptionVisit created = ReceptionVisit.findById(id);
      byId.put(id, created);
      if (in.owned()) {
        bySource.put(in.key(), created);
      }
    }
    return ImportItemResult.of(done.outcome(), id);
  }

  private boolean writer() {
    return user.hasRole(Roles.ADMIN)
        || user.hasRole(Roles.RECEPTION_OFFICER)
        || user.hasRole(Roles.DENUNCIATION_HANDLER)
        || user.hasRole(Roles.INTEGRATION);
  }
}
