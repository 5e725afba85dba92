package vn.danvan.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader over a character stream, one record at a time: comma-separated fields, CRLF or
 * LF between records, double-quoted fields that may hold commas, line breaks and doubled quotes.
 * Memory is bounded by one record.
 */
final class CsvRecords {

  /** A record that cannot be read; the rest of the input cannot be trusted either. */
  static final class Malformed extends Exception {
    Malformed() {
      super(null, null, false, false);
    }
  }

  /** Longer than any text field of the API. */
  static final int MAX_FIELD = 2_000_000;

  static final int MAX_FIELDS = 500;

  private final Reader in;
  private int pushedBack = -2;
  private boolean first = true;

  CsvRecords(Reader in) {
    this.in = in;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c = in.read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = in.read();
      }
    }
    return c;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException, Malformed {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.isEmpty()) {
        // quoted field
        while (true) {
          c = read();
          if (c == -1) {
            throw new Malformed();
          }
          if (c == '"') {
            int n = read();
            if (n == '"') {
              field.append('"');
              continue;
            }
            c = n;
            break;
          }
          append(field, c);
        }
        // after the closing quote only a separator or the end of the record may follow
        if (c != ',' && c != '\n' && c != '\r' && c != -1) {
          throw new Malformed();
        }
      }
      if (c == ',') {
        add(fields, field);
        field = new StringBuilder();
        c = read();
        continue;
      }
      if (c == '\r') {
        int n = read();
        if (n != '\n') {
          pushedBack = n;
        }
        c = '\n';
      }
      if (c == '\n' || c == -1) {
        add(fields, field);
        return fields;
      }
      append(field, c);
      c = read();
    }
  }

  private static void add(List<String> fields, StringBuilder field) throws Malformed {
    if (fields.size() >= MAX_FIELDS) {
      throw new Malformed();
    }
    fields.add(field.toString());
  }

  private static void append(StringBuilder field, int c) throws Malformed {
    if (field.length() >= MAX_FIELD) {
      throw new Malformed();
    }
    field.append((char) c);
  }
}
