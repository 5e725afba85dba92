package vn.danvan.shared.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells what a file is from its first bytes, never from its name or the client's content type.
 * Office documents are ZIP packages: their central directory is read (no entry is inflated, so a
 * compressed bomb costs nothing) and the part that names the format decides.
 */
final class MediaSniffer {

  /** The formats accepted as attachments. */
  enum Format {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    TIFF("image/tiff", "tif");

    final String mediaType;
    final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }
  }

  private static final byte[] PDF = "%PDF-".getBytes();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] GIF87 = "GIF87a".getBytes();
  private static final byte[] GIF89 = "GIF89a".getBytes();
  private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
  private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private MediaSniffer() {}

  static Optional<Format> sniff(Path file) throws IOException {
    byte[] head = new byte[16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    byte[] h = Arrays.copyOf(head, n);
    if (startsWith(h, PDF)) {
      return Optional.of(Format.PDF);
    }
    if (startsWith(h, PNG)) {
      return Optional.of(Format.PNG);
    }
    if (startsWith(h, JPEG)) {
      return Optional.of(Format.JPEG);
    }
    if (startsWith(h, GIF87) || startsWith(h, GIF89)) {
      return Optional.of(Format.GIF);
    }
    if (startsWith(h, TIFF_LE) || startsWith(h, TIFF_BE)) {
      return Optional.of(Format.TIFF);
    }
    if (n >= 12
        && startsWith(h, "RIFF".getBytes())
        && Arrays.equals(Arrays.copyOfRange(h, 8, 12), "WEBP".getBytes())) {
      return Optional.of(Format.WEBP);
    }
    if (startsWith(h, ZIP)) {
      return office(file);
    }
    return Optional.empty();
  }

  /** A DOCX or XLSX package: an OPC content-types part and the main part of the format. */
  private static Optional<Format> office(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry("[Content_Types].xml") == null) {
        return Optional.empty();
      }
      if (zip.getEntry("word/document.xml") != null) {
        return Optional.of(Format.DOCX);
      }
      if (zip.getEntry("xl/workbook.xml") != null) {
        return Optional.of(Format.XLSX);
      }
      return Optional.empty();
    } catch (ZipException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
  }
}
