package vn.danvan.shared.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of the attachments ({@code attachment}, {@code attachment_content}). */
@ApplicationScoped
class AttachmentRepository {

  private static final String COLUMNS =
      "a.id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.description, a.created_at,"
          + " a.created_by";

  /** The owner of an attachment: a record of some feature. */
  record Owner(String type, UUID id) {}

  /** A deleted attachment and the unit it belonged to. */
  record Deleted(UUID id, UUID unitId) {}

  @Inject EntityManager em;

  void insert(Owner owner, UUID unitId, AttachmentResponse meta, byte[] content) {
    em.createNativeQuery(
            "insert into attachment (id, owner_type, owner_id, unit_id, file_name, media_type,"
                + " size_bytes, sha256, description, created_at, created_by)"
                + " values (:id, :type, :owner, :unit, :name, :media, :size, :sha, :description,"
                + " :at, :by)")
        .setParameter("id", meta.id())
        .setParameter("type", owner.type())
        .setParameter("owner", owner.id())
        .setParameter("unit", unitId)
        .setParameter("name", meta.fileName())
        .setParameter("media", meta.mediaType())
        .setParameter("size", meta.sizeBytes())
        .setParameter("sha", meta.sha256())
        .setParameter("description", meta.description())
        .setParameter("at", PgTypes.timestamp(meta.createdAt()))
        .setParameter("by", meta.createdBy())
        .executeUpdate();
    em.createNativeQuery(
            "insert into attachment_content (attachment_id, content) values (:id, :content)")
        .setParameter("id", meta.id())
        .setParameter("content", content)
        .executeUpdate();
  }

  /** The attachments of {@code owner}, oldest first. */
  List<AttachmentResponse> list(Owner owner) {
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from attachment a where a.owner_type = :type and a.owner_id = :owner"
                    + " order by a.created_at, a.id")
            .setParameter("type", owner.type())
            .setParameter("owner", owner.id())
            .getResultList();
    return rows.stream().map(r -> meta((Object[]) r)).toList();
  }

  /** One attachment of {@code owner} with its bytes. */
  Optional<AttachmentContent> content(Owner owner, UUID attachmentId) {
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + ", c.content from attachment a join attachment_content c on c.attachment_id = a.id"
                    + " where a.id = :id and a.owner_type = :type and a.owner_id = :owner")
            .setParameter("id", attachmentId)
            .setParameter("type", owner.type())
            .setParameter("owner", owner.id())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(new AttachmentContent(meta(r), (byte[]) r[8]));
  }

  /** Deletes the attachments of {@code owner} (their contents cascade). */
  List<Deleted> deleteAll(Owner owner) {
    List<?> rows =
        em.createNativeQuery(
                "delete from attachment where owner_type = :type and owner_id = :owner"
                    + " returning id, unit_id")
            .setParameter("type", owner.type())
            .setParameter("owner", owner.id())
            .getResultList();
    return rows.stream()
        .map(o -> (Object[]) o)
        .map(r -> new Deleted(PgTypes.uuid(r[0]), PgTypes.uuid(r[1])))
        .toList();
  }

  private static AttachmentResponse meta(Object[] r) {
    return new AttachmentResponse(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        PgTypes.longValue(r[3]),
        (String) r[4],
        (String) r[5],
        PgTypes.instant(r[6]),
        (String) r[7]);
  }
}
