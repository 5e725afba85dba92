package vn.danvan.imports;

import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** The body formats of an import. */
public enum ImportFormat {
  JSON,
  NDJSON,
  CSV;

  static final String NDJSON_TYPE = "application/x-ndjson";
  static final String CSV_TYPE = "text/csv";

  /** The format of a Content-Type (the resource accepts only these three). */
  public static ImportFormat of(MediaType type) {
    String t =
        type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    return switch (t) {
      case NDJSON_TYPE -> NDJSON;
      case CSV_TYPE -> CSV;
      default -> JSON;
    };
  }
}
