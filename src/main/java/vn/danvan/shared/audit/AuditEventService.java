package vn.danvan.shared.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.UnitScope;

/** Reads the audit trail, newest first, inside the caller's scope. */
@ApplicationScoped
public class AuditEventService {

  private static final String LIST = "audit-events";

  @Inject EntityManager em;
  @Inject UnitScope scope;
  @Inject ObjectMapper mapper;

  @Transactional
  public Page<AuditEventResponse> list(
      String entityType,
      UUID entityId,
      String actor,
      OffsetDateTime from,
      OffsetDateTime to,
      PageRequest page) {
    StringBuilder sql =
        new StringBuilder(
            "select id, occurred_at, actor, action, entity_type, entity_id, unit_id, cast(before as text),"
                + " cast(after as text), reason from audit_event where true");
    Map<String, Object> params = new HashMap<>();
    Optional<UUID> home = scope.restriction();
    if (home.isPresent()) {
      // the events of records in scope, and whatever the people of the scope did elsewhere
      sql.append(
          " and (unit_path && cast(:roots as uuid[]) or actor_unit_path && cast(:roots as uuid[]))");
      params.put("roots", scope.roots());
    }
    if (entityType != null) {
      sql.append(" and entity_type = :type");
      params.put("type", entityType);
    }
    if (entityId != null) {
      sql.append(" and entity_id = :eid");
      params.put("eid", entityId);
    }
    if (actor != null) {
      sql.append(" and actor = :actor");
      params.put("actor", actor);
    }
    if (from != null) {
      sql.append(" and occurred_at >= :from");
      params.put("from", from);
    }
    if (to != null) {
      sql.append(" and occurred_at < :to");
      params.put("to", to);
    }
    Cursor.Keys keys = page.keys(LIST, Cursor.KeyType.INSTANT, Cursor.KeyType.UUID);
    if (keys != null) {
      sql.append(" and (occurred_at, id) < (:cAt, :cId)");
      params.put("cAt", keys.offsetDateTime(0));
      params.put("cId", keys.uuid(1));
    }
    sql.append(" order by occurred_at desc, id desc limit :n");
    params.put("n", page.fetchSize());
    Query query = em.createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    List<Object[]> rows = new ArrayList<>();
    for (Object row : query.getResultList()) {
      rows.add((Object[]) row);
    }
    return Page.of(
        rows, page.limit(), this::toResponse, r -> Cursor.encode(LIST, time(r[1]), r[0]));
  }

  private AuditEventResponse toResponse(Object[] r) {
    return new AuditEventResponse(
        (UUID) r[0],
        time(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (UUID) r[5],
        (UUID) r[6],
        tree((String) r[7]),
        tree((String) r[8]),
        (String) r[9]);
  }

  private static OffsetDateTime time(Object value) {
    return switch (value) {
      case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC);
      case java.time.Instant i -> i.atOffset(ZoneOffset.UTC);
      case java.sql.Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
      default -> OffsetDateTime.parse(value.toString());
    };
  }

  private JsonNode tree(String json) {
    try {
      return json == null ? null : mapper.readTree(json);
    } catch (Exception e) {
      return null;
    }
  }
}
