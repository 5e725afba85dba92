package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/**
 * Documents for the change feed: what {@code GET /directives/{id}} answers the caller (full text,
 * references masked as there), only the documents the caller may read (a secret one only within the
 * scope of its issuer or of a recipient, or for an admin). Three queries per page.
 */
@ApplicationScoped
class DirectiveFeedRecords implements FeedRecordSource {

  @Inject DirectiveRepository repo;
  @Inject DirectiveAccess access;

  @Override
  public Set<String> entityTypes() {
    return Set.of(DirectiveService.ENTITY);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    Map<UUID, Object> out = new LinkedHashMap<>();
    if (!DirectiveService.ENTITY.equals(entityType) || ids.isEmpty()) {
      return out;
    }
    UUID[] roots = access.roots();
    List<Directive> documents = repo.readableWithRecipients(ids, roots);
    Map<UUID, List<ReferenceResponse>> references =
        repo.references(documents.stream().map(d -> d.id).toList(), roots);
    for (Directive d : documents) {
      out.put(d.id, DirectiveResponse.of(d, references.getOrDefault(d.id, List.of())));
    }
    return out;
  }
}
