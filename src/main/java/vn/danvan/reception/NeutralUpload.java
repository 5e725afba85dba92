package vn.danvan.reception;

import java.nio.file.Path;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.danvan.shared.attachment.AttachmentUpload;

/**
 * A citizen's document as the store may keep it: the client's file name and description are dropped
 * (they often carry the person's name: "don-to-cao-nguyen-van-a.pdf"), the content stays.
 */
final class NeutralUpload implements FileUpload {

  private final FileUpload file;

  private NeutralUpload(FileUpload file) {
    this.file = file;
  }

  static AttachmentUpload of(AttachmentUpload upload) {
    AttachmentUpload neutral = new AttachmentUpload();
    neutral.file = upload == null || upload.file == null ? null : new NeutralUpload(upload.file);
    neutral.description = null;
    return neutral;
  }

  @Override
  public String name() {
    return file.name();
  }

  @Override
  public Path filePath() {
    return file.filePath();
  }

  @Override
  public String fileName() {
    return null; // the store names it tep-dinh-kem.<ext> from its sniffed type
  }

  @Override
  public long size() {
    return file.size();
  }

  @Override
  public String contentType() {
    return file.contentType();
  }

  @Override
  public jakarta.ws.rs.core.MultivaluedMap<String, String> getHeaders() {
    // the part's headers carry the client's file name too
    return new jakarta.ws.rs.core.MultivaluedHashMap<>();
  }

  @Override
  public String charSet() {
    return file.charSet();
  }
}
