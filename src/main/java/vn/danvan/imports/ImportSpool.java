package vn.danvan.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.Problem;
import vn.danvan.shared.error.ProblemFactory;
import vn.danvan.shared.http.DateBoundsJson;
import vn.danvan.shared.http.JsonConfiguration;
import vn.danvan.shared.sync.ImportTarget;

/**
 * Reads an import body as a stream (a JSON array, NDJSON or CSV) and spools its items to a
 * temporary file, one line each: {@code V<json>} for an item that binds to the target's item type
 * and passes Bean Validation, {@code E<code>\t<errors>} for one that does not (with pointers such
 * as {@code /items/17/title}). Only one item is in memory at a time; the file is what the import
 * runs from, after the request that carried it has ended. The body's SHA-256 is computed on the way
 * (the Idempotency-Key check compares it).
 */
@ApplicationScoped
class ImportSpool {

  /** The spooled body: its file, item count, invalid items and hash. */
  record Spooled(java.nio.file.Path file, int count, int invalid, String hash) {}

  /** One spooled item: its index and either its JSON or its errors. */
  record Entry(int index, String json, String code, List<Problem.Violation> errors) {
    boolean valid() {
      return errors == null;
    }
  }

  @Inject ObjectMapper mapper;
  @Inject Validator validator;

  @ConfigProperty(name = "danvan.imports.spool-dir")
  java.util.Optional<String> spoolDir;

  private JsonFactory bodies;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  @PostConstruct
  void init() {
    // the API's own limits per value; the document as a whole is bounded by the body size limit
    bodies = mapper.getFactory().copy();
    bodies.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    bodies.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(2_000_000)
            .maxNumberLength(100)
            .maxDocumentLength(0)
            .maxTokenCount(0)
            .build());
  }

  java.nio.file.Path directory() throws IOException {
    java.nio.file.Path dir =
        java.nio.file.Path.of(
            spoolDir.orElse(System.getProperty("java.io.tmpdir") + "/danvan-imports"));
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Spools {@code body}; 400 when the body itself cannot be read, 413 beyond {@code maxItems}
   * items, 400 {@code IMPORT_EMPTY} when it holds none.
   */
  Spooled spool(
      InputStream body,
      ImportFormat format,
      ImportTarget<?> target,
      int maxItems,
      String requestLine,
      Locale locale) {
    MessageDigest digest = sha256();
    digest.update(requestLine.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
    java.nio.file.Path file;
    try {
      file = Files.createTempFile(directory(), "import-", ".spool");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the import spool file", e);
    }
    boolean ok = false;
    try (InputStream in = new DigestInputStream(body, digest);
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Sink sink = new Sink(out, target, maxItems, locale);
      switch (format) {
        case CSV -> readCsv(in, target, sink, locale);
        case JSON, NDJSON -> readJson(in, format == ImportFormat.JSON, sink);
      }
      if (sink.count == 0) {
        throw ApiException.badRequest("IMPORT_EMPTY");
      }
      ok = true;
      return new Spooled(file, sink.count, sink.invalid, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("too large")) {
        throw new ApiException(413, "PAYLOAD_TOO_LARGE");
      }
      throw malformed("/", "field.IMPORT_ITEM_SYNTAX");
    } finally {
      if (!ok) {
        delete(file);
      }
    }
  }

  /** Reads a spool file in order. */
  Reader open(java.nio.file.Path file) throws IOException {
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  /** The next entry of a spool file, or null at its end. */
  Entry next(BufferedReader in, int index) throws IOException {
    String line = in.readLine();
    if (line == null) {
      return null;
    }
    if (line.charAt(0) == 'V') {
      return new Entry(index, line.substring(1), null, null);
    }
    int tab = line.indexOf('\t');
    List<Problem.Violation> errors =
        mapper.readValue(
            line.substring(tab + 1),
            mapper.getTypeFactory().constructCollectionType(List.class, Problem.Violation.class));
    return new Entry(index, null, line.substring(1, tab), errors);
  }

  static void delete(java.nio.file.Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file is removed with the directory's other leftovers
    }
  }

  // ---- JSON and NDJSON

  private void readJson(InputStream in, boolean array, Sink sink) throws IOException {
    try (JsonParser p = bodies.createParser(in)) {
      JsonToken t = p.nextToken();
      if (array) {
        if (t == null) {
          return;
        }
        if (t != JsonToken.START_ARRAY) {
          throw malformed("/", "field.IMPORT_ARRAY");
        }
        t = p.nextToken();
      }
      while (t != null && t != JsonToken.END_ARRAY) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String base = "/items/" + sink.count;
        JsonNode node;
        try {
          node = tree(p, t, base, errors);
        } catch (JsonProcessingException e) {
          throw malformed(base, "field.IMPORT_ITEM_SYNTAX");
        }
        sink.add(node, errors);
        t = next(p, base);
      }
      if (array) {
        if (t == null) {
          throw malformed("/items/" + sink.count, "field.IMPORT_ITEM_SYNTAX");
        }
        if (next(p, "/") != null) {
          throw malformed("/", "field.IMPORT_ARRAY");
        }
      }
    } catch (JsonProcessingException e) {
      throw malformed("/", "field.IMPORT_ITEM_SYNTAX");
    }
  }

  private static JsonToken next(JsonParser p, String pointer) throws IOException {
    try {
      return p.nextToken();
    } catch (JsonProcessingException e) {
      throw malformed(pointer, "field.IMPORT_ITEM_SYNTAX");
    }
  }

  /**
   * The value starting at {@code t} as a tree; a repeated key or a string holding U+0000 is noted
   * in {@code errors} (the value is still read to its end so that the next item starts cleanly).
   */
  private JsonNode tree(
      JsonParser p, JsonToken t, String pointer, List<ApiException.FieldError> errors)
      throws IOException {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
          String name = p.currentName();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          JsonNode value = tree(p, p.nextToken(), child, errors);
          if (object.has(name)) {
            errors.add(ApiException.FieldError.of(child, "field.DUPLICATE_KEY"));
          }
          object.set(name, value);
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode list = nodes.arrayNode();
        int i = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          list.add(tree(p, e, pointer + "/" + i++, errors));
        }
        return list;
      }
      case VALUE_STRING -> {
        String s = p.getText();
        if (s.indexOf('\u0000') >= 0) {
          errors.add(ApiException.FieldError.of(pointer, "field.NUL_CHARACTER"));
          s = s.replace("\u0000", "");
        }
        return nodes.textNode(s);
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> nodes.numberNode(p.getIntValue());
          case LONG -> nodes.numberNode(p.getLongValue());
          default -> nodes.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw malformed(pointer, "field.IMPORT_ITEM_SYNTAX");
    }
  }

  // ---- CSV

  private void readCsv(InputStream in, ImportTarget<?> target, Sink sink, Locale locale)
      throws IOException {
    Reader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            64 * 1024);
    CsvRecords records = new CsvRecords(reader);
    List<ImportTarget.CsvColumn> columns = target.csvColumns();
    String expected =
        String.join(", ", columns.stream().map(ImportTarget.CsvColumn::header).toList());
    List<String> header;
    try {
      header = records.next();
    } catch (CsvRecords.Malformed e) {
      throw malformed("/header", "field.CSV_QUOTE");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw malformed("/header", "field.INVALID_VALUE");
    }
    if (header == null) {
      return;
    }
    Map<String, String> byHeader = new HashMap<>();
    for (ImportTarget.CsvColumn c : columns) {
      byHeader.put(key(c.header()), c.property());
    }
    List<String> properties = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String property = byHeader.get(key(header.get(i)));
      if (property == null || !seen.add(property)) {
        throw malformed("/header/" + i, "field.CSV_HEADER", expected);
      }
      properties.add(property);
    }
    while (true) {
      List<String> row;
      String base = "/items/" + sink.count;
      try {
        row = records.next();
      } catch (CsvRecords.Malformed e) {
        throw malformed(base, "field.CSV_QUOTE");
      } catch (java.nio.charset.CharacterCodingException e) {
        throw malformed(base, "field.INVALID_VALUE");
      }
      if (row == null) {
        return;
      }
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      List<ApiException.FieldError> errors = new ArrayList<>();
      ObjectNode item = nodes.objectNode();
      if (row.size() != properties.size()) {
        errors.add(ApiException.FieldError.of(base, "field.CSV_COLUMNS"));
      } else {
        for (int i = 0; i < row.size(); i++) {
          String value = row.get(i);
          if (value.isEmpty()) {
            continue;
          }
          if (value.indexOf('\u0000') >= 0) {
            errors.add(
                ApiException.FieldError.of(base + "/" + properties.get(i), "field.NUL_CHARACTER"));
            continue;
          }
          put(item, properties.get(i), value);
        }
      }
      sink.add(item, errors);
    }
  }

  private static String key(String header) {
    return Normalizer.normalize(header.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /** Sets a dotted property ({@code source.kind}) as nested objects. */
  private void put(ObjectNode item, String property, String value) {
    ObjectNode at = item;
    String[] parts = property.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = at.get(parts[i]);
      ObjectNode next;
      if (child instanceof ObjectNode o) {
        next = o;
      } else {
        next = nodes.objectNode();
        at.set(parts[i], next);
      }
      at = next;
    }
    at.put(parts[parts.length - 1], value);
  }

  // ---- items

  /** Checks each item and writes its spool line. */
  private final class Sink {
    final Writer out;
    final ImportTarget<?> target;
    final int maxItems;
    final Locale locale;
    int count;
    int invalid;

    Sink(Writer out, ImportTarget<?> target, int maxItems, Locale locale) {
      this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
      this.target = target;
      this.maxItems = maxItems;
      this.locale = locale;
    }

    void add(JsonNode node, List<ApiException.FieldError> structural) throws IOException {
      if (count >= maxItems) {
        throw new ApiException(413, "TOO_MANY_ITEMS", maxItems);
      }
      String base = "/items/" + count;
      List<Problem.Violation> errors = new ArrayList<>();
      for (ApiException.FieldError f : structural) {
        errors.add(violation(f.pointer(), f.messageKey(), f.args()));
      }
      if (errors.isEmpty()) {
        errors.addAll(check(node, base));
      }
      count++;
      if (errors.isEmpty()) {
        out.write('V');
        out.write(mapper.writeValueAsString(node));
      } else {
        invalid++;
        errors.sort(Comparator.comparing(Problem.Violation::pointer));
        out.write('E');
        out.write(code(errors));
        out.write('\t');
        out.write(mapper.writeValueAsString(errors));
      }
      out.write('\n');
    }

    private String code(List<Problem.Violation> errors) {
      return "VALIDATION_FAILED";
    }

    /** Binds the item to the target's type and validates it. */
    private List<Problem.Violation> check(JsonNode node, String base) {
      Object item;
      try {
        item = mapper.treeToValue(node, target.itemType());
      } catch (JsonMappingException e) {
        return List.of(bindingError(e, base));
      } catch (JsonProcessingException e) {
        return List.of(violation(base, "field.INVALID_VALUE"));
      }
      if (item == null) {
        return List.of(violation(base, "field.WRONG_TYPE"));
      }
      Set<? extends ConstraintViolation<?>> violations = validator.validate(item);
      List<Problem.Violation> errors = new ArrayList<>();
      for (ConstraintViolation<?> v : violations) {
        errors.add(new Problem.Violation(base + pointer(v.getPropertyPath()), v.getMessage()));
      }
      return errors;
    }

    private Problem.Violation bindingError(JsonMappingException e, String base) {
      StringBuilder pointer = new StringBuilder(base);
      for (JsonMappingException.Reference ref : e.getPath()) {
        pointer.append('/');
        if (ref.getFieldName() != null) {
          pointer.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
        } else if (ref.getIndex() >= 0) {
          pointer.append(ref.getIndex());
        }
      }
      String key = "field.INVALID_VALUE";
      Object[] args = {};
      if (e instanceof DateBoundsJson.OutOfRange) {
        key = "field.DATE_RANGE";
        args =
            new Object[] {
              vn.danvan.shared.time.DateBounds.MIN, vn.danvan.shared.time.DateBounds.MAX
            };
      } else if (e instanceof JsonConfiguration.NulCharacter) {
        key = "field.NUL_CHARACTER";
      } else if (e instanceof InvalidFormatException f
          && f.getTargetType() != null
          && f.getTargetType().isEnum()) {
        key = "field.UNKNOWN_CODE";
      } else if (e instanceof MismatchedInputException) {
        key = "field.WRONG_TYPE";
      }
      return violation(pointer.toString(), key, args);
    }

    private Problem.Violation violation(String pointer, String key, Object... args) {
      return new Problem.Violation(pointer, ProblemFactory.message(locale, key, args));
    }
  }

  /** {@code recipients[2].unitId} → {@code /recipients/2/unitId}. */
  static String pointer(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.BEAN && node.getName() == null) {
        continue;
      }
      if (node.getIndex() != null) {
        sb.append('/').append(node.getIndex());
      } else if (node.getKey() != null) {
        // a map's key as an RFC 6901 reference token
        sb.append('/').append(node.getKey().toString().replace("~", "~0").replace("/", "~1"));
      }
      if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
        sb.append('/').append(node.getName());
      }
    }
    return sb.toString();
  }

  private static ApiException malformed(String pointer, String key, Object... args) {
    return new ApiException(
        400, "MALFORMED_IMPORT", List.of(ApiException.FieldError.of(pointer, key, args)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes quietly. */
  static void close(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
