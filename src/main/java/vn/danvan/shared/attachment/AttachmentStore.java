package vn.danvan.shared.attachment;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;

/**
 * Files attached to the records of any feature, stored in PostgreSQL. The feature decides who may
 * read or add (it checks its own record first); the store checks the file: its size against {@code
 * danvan.attachments.max-size}, its type from its content, and records its SHA-256. Each upload is
 * written to the audit trail of the owner's unit.
 */
@ApplicationScoped
public class AttachmentStore {

  private static final Logger LOG = Logger.getLogger(AttachmentStore.class);
  static final String ENTITY = "ATTACHMENT";

  @Inject AttachmentRepository repository;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @ConfigProperty(name = "danvan.attachments.max-size", defaultValue = "20M")
  MemorySize maxSize;

  /**
   * Stores one uploaded file for {@code ownerType}/{@code ownerId}, in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AttachmentResponse store(
      String ownerType, UUID ownerId, UUID unitId, AttachmentUpload upload) {
    FileUpload file = upload == null ? null : upload.file;
    if (file == null || file.uploadedFile() == null) {
      throw ApiException.invalid("/file", "field.REQUIRED");
    }
    if (file.size() == 0) {
      throw ApiException.invalid("/file", "field.EMPTY_FILE");
    }
    if (file.size() > maxSize.asLongValue()) {
      throw new ApiException(413, "ATTACHMENT_TOO_LARGE", maxSize.asLongValue() / (1024 * 1024));
    }
    MediaSniffer.Format format;
    byte[] content;
    try {
      format =
          MediaSniffer.sniff(file.uploadedFile())
              .orElseThrow(() -> new ApiException(415, "ATTACHMENT_TYPE_NOT_ALLOWED"));
      content = Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (upload.description != null && upload.description.indexOf('\u0000') >= 0) {
      throw ApiException.invalid("/description", "field.NUL_CHARACTER");
    }
    String description = upload.description == null ? null : upload.description.strip();
    if (description != null && description.length() > 1000) {
      throw ApiException.invalid("/description", "field.TOO_LONG", 1000);
    }
    AttachmentResponse meta =
        new AttachmentResponse(
            UUID.randomUUID(),
            fileName(file.fileName(), format),
            format.mediaType,
            content.length,
            sha256(content),
            description == null || description.isEmpty() ? null : description,
            // as PostgreSQL keeps it: the response equals every later read
            Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
            user.username());
    repository.insert(new AttachmentRepository.Owner(ownerType, ownerId), unitId, meta, content);
    audit.created(ENTITY, meta.id(), unitId, 0, new Audited(ownerType, ownerId, meta));
    LOG.infof("Attachment %s stored for %s %s", meta.id(), ownerType, ownerId);
    return meta;
  }

  /** The attachments of a record, oldest first. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<AttachmentResponse> list(String ownerType, UUID ownerId) {
    return repository.list(new AttachmentRepository.Owner(ownerType, ownerId));
  }

  /** One attachment with its bytes; 404 when it is not the record's. */
  @Transactional(Transactional.TxType.MANDATORY)
  public AttachmentContent content(String ownerType, UUID ownerId, UUID attachmentId) {
    return repository
        .content(new AttachmentRepository.Owner(ownerType, ownerId), attachmentId)
        .orElseThrow(() -> ApiException.notFound("entity.ATTACHMENT"));
  }

  /** Removes the attachments of a record that is deleted. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int deleteAll(String ownerType, UUID ownerId) {
    List<AuditTrail.Change> gone = new ArrayList<>();
    for (AttachmentRepository.Deleted d :
        repository.deleteAll(new AttachmentRepository.Owner(ownerType, ownerId))) {
      gone.add(
          new AuditTrail.Change(
              d.id(), d.unitId(), null, Map.of("ownerType", ownerType, "ownerId", ownerId), null));
    }
    audit.recordAll("DELETE", ENTITY, AuditTrail.Operation.DELETE, gone, null);
    return gone.size();
  }

  /** What the audit trail keeps of an upload: the owner and the metadata, never the bytes. */
  record Audited(String ownerType, UUID ownerId, AttachmentResponse attachment) {}

  /** The client's name without path, control characters or excess length; a default if none. */
  static String fileName(String given, MediaSniffer.Format format) {
    String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "tep-dinh-kem." + format.extension;
    }
    if (name.length() > 255) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, 255 - ext.length()) + ext;
    }
    return name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
