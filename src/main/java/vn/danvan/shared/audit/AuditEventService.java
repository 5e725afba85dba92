package vn.danvan.shared.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.UnitScope;

/** Reads the audit trail, newest first, inside the caller's scope. */
@ApplicationScoped
public class AuditEventService {

  private static final String LIST = "audit-events";

  @Inject AuditRepository repository;
  @Inject UnitScope scope;
  @Inject ObjectMapper mapper;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditEventResponse> list(
      String entityType,
      UUID entityId,
      String actor,
      OffsetDateTime from,
      OffsetDateTime to,
      PageRequest page) {
    AuditEventQuery query = new AuditEventQuery(entityType, entityId, actor, from, to);
    String tag = Cursor.tag(LIST, query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.INSTANT, Cursor.KeyType.UUID);
    // the events of records in scope, and whatever the people of the scope did elsewhere
    String roots = scope.restriction().isPresent() ? scope.roots() : null;
    return Page.of(
        repository.find(query, roots, keys, page.fetchSize()),
        page.limit(),
        this::toResponse,
        e -> Cursor.encode(tag, e.occurredAt(), e.id()));
  }

  private AuditEventResponse toResponse(AuditRepository.StoredEvent e) {
    return new AuditEventResponse(
        e.id(),
        e.occurredAt(),
        e.actor(),
        e.action(),
        e.entityType(),
        e.entityId(),
        e.unitId(),
        tree(e.before()),
        tree(e.after()),
        e.reason());
  }

  private JsonNode tree(String json) {
    try {
      return json == null ? null : mapper.readTree(json);
    } catch (Exception e) {
      return null;
    }
  }
}
