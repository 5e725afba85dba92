package vn.danvan.shared.attachment;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The bytes of an attachment with what a download needs. */
public record AttachmentContent(AttachmentResponse meta, byte[] content) {

  /** The types a download may be served as: those of the accepted (sniffed) formats. */
  public static final List<String> MEDIA_TYPES =
      Arrays.stream(MediaSniffer.Format.values()).map(f -> f.mediaType).toList();

  /**
   * A download: the sniffed media type, the name in RFC 6266 form, the hash as the entity tag, and
   * headers that stop a browser from reinterpreting the file.
   */
  public Response toResponse() {
    String ascii = meta.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    String utf8 = URLEncoder.encode(meta.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(content, meta.mediaType())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8)
        .header(HttpHeaders.ETAG, "\"" + meta.sha256() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header(
            "Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(hex(meta.sha256())))
        .build();
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
