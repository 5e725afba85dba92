package vn.danvan.shared.http;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import vn.danvan.shared.source.SourceKey;

/**
 * What the OpenAPI linters of {@code .ci/contract-check} (Spectral with the OWASP ruleset, Redocly)
 * ask of the document and the annotations do not say: the server, the license's identifier, the
 * bounds the server enforces on parameters, fixed-length formats, the 500 problem every operation
 * may answer. Only adds what is missing, so annotations stay the first word.
 */
final class OpenApiLint {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  /** Longest accepted value of a string parameter, by name, where the server checks it. */
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of(
          "cursor",
          2048, // Cursor.MAX_LENGTH
          Idempotency.HEADER,
          200, // Idempotency: 400 INVALID_IDEMPOTENCY_KEY beyond
          "sourceId",
          SourceKey.MAX_ID_LENGTH,
          "sourceSystem",
          64, // SourceKey.SYSTEM_PATTERN
          "If-Match",
          64, // a version is a long: any longer tag is 412 INVALID_ETAG
          "If-None-Match",
          64, // "*" or a tag
          "reason",
          500); // ReceptionVisitService: 2..500 characters

  private static final Map<String, String> PATTERN =
      Map.of(
          Idempotency.HEADER,
          "^[\\x20-\\x7E]+$", // printable ASCII, as Idempotency checks
          "sourceSystem",
          SourceKey.SYSTEM_PATTERN);

  /** Range of an integer parameter, by name, as its description and the server say. */
  private static final Map<String, long[]> RANGE =
      Map.of(
          "limit", new long[] {1, 500}, // PageRequest
          "depth", new long[] {1, 50},
          "year", new long[] {1900, 2100}, // the API's date bounds
          "number", new long[] {1, Integer.MAX_VALUE}, // versions count from 1
          "version", new long[] {1, Integer.MAX_VALUE},
          "from", new long[] {1, Integer.MAX_VALUE});

  /** Fixed-length string formats of the generated components (RFC 4122, RFC 3339 in 1900..2100). */
  private static final Map<String, Integer> FORMAT_LENGTH =
      Map.of("UUID", 36, "LocalDate", 10, "OffsetDateTime", 35, "Instant", 35);

  /**
   * The same by format, for the copies the generator inlines instead of a reference (the items of
   * {@code List<@NotNull UUID>}: a type-use annotation makes the type a new one). Longer values do
   * not parse ({@code UUID.fromString} refuses more than 36 characters).
   */
  private static final Map<String, Integer> FORMAT_MAX_LENGTH =
      Map.of("uuid", 36, "date", 10, "date-time", 35);

  private OpenApiLint() {}

  static void apply(OpenAPI openAPI) {
    server(openAPI);
    license(openAPI);
    fixedLengthFormats(openAPI);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation op : item.getOperations().values()) {
        if (op.getParameters() != null) {
          op.getParameters().forEach(OpenApiLint::bound);
        }
        fileParts(openAPI, op);
        internalError(op);
        retryAfterFormat(op);
      }
    }
    OpenApiImportItems.apply(openAPI);
  }

  /**
   * One relative server: the document is served by the service it describes (local, test, staging
   * or production alike), so clients and Swagger UI call the origin they read it from.
   */
  private static void server(OpenAPI openAPI) {
    if (openAPI.getServers() != null && !openAPI.getServers().isEmpty()) {
      return;
    }
    openAPI.addServer(
        OASFactory.createServer()
            .url("/")
            .description(
                "Máy chủ phục vụ tài liệu này (local, test, staging hoặc production): cùng nguồn gốc"
                    + " với /q/openapi.")
            .addExtension("x-internal", false));
  }

  private static void license(OpenAPI openAPI) {
    if (openAPI.getInfo() != null
        && openAPI.getInfo().getLicense() != null
        && openAPI.getInfo().getLicense().getUrl() == null
        && openAPI.getInfo().getLicense().getIdentifier() == null) {
      // SPDX has no identifier for a proprietary license: a LicenseRef- names it
      openAPI.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
    }
  }

  private static void fixedLengthFormats(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    FORMAT_LENGTH.forEach(
        (name, length) -> {
          Schema schema = openAPI.getComponents().getSchemas().get(name);
          if (schema != null && schema.getMaxLength() == null) {
            schema.setMaxLength(length);
          }
        });
    for (Schema schema : openAPI.getComponents().getSchemas().values()) {
      if (schema.getProperties() != null) {
        sourceKey(schema.getProperties().get("sourceSystem"), "sourceSystem");
        sourceKey(schema.getProperties().get("sourceId"), "sourceId");
      }
      inlineFormats(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
  }

  /** Nested inline string schemas of a fixed-length format get that format's maxLength. */
  private static void inlineFormats(Schema schema, Set<Schema> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    if (schema.getRef() == null
        && schema.getType() != null
        && schema.getType().contains(Schema.SchemaType.STRING)
        && schema.getMaxLength() == null
        && schema.getFormat() != null
        && FORMAT_MAX_LENGTH.containsKey(schema.getFormat())) {
      schema.setMaxLength(FORMAT_MAX_LENGTH.get(schema.getFormat()));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> inlineFormats(p, seen));
    }
    inlineFormats(schema.getItems(), seen);
    inlineFormats(schema.getAdditionalPropertiesSchema(), seen);
    for (List<Schema> list :
        Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (list != null) {
        list.forEach(s -> inlineFormats(s, seen));
      }
    }
  }

  /**
   * A file part of a multipart upload is as long as the attachments' limit in bytes ({@code
   * danvan.attachments.max-size}, 413 ATTACHMENT_TOO_LARGE beyond): its {@code maxLength}, as
   * {@code format: binary} counts octets.
   */
  private static void fileParts(OpenAPI openAPI, Operation op) {
    if (op.getRequestBody() == null
        || op.getRequestBody().getContent() == null
        || op.getRequestBody().getContent().getMediaTypes() == null) {
      return;
    }
    MediaType form = op.getRequestBody().getContent().getMediaType("multipart/form-data");
    Schema schema = form == null ? null : resolve(openAPI, form.getSchema());
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    for (Schema part : schema.getProperties().values()) {
      if (part.getRef() == null
          && "binary".equals(part.getFormat())
          && part.getMaxLength() == null) {
        part.setMaxLength(
            (int) Math.min(Integer.MAX_VALUE, memorySize("danvan.attachments.max-size", "20M")));
      }
    }
  }

  /** The component a schema refers to, or the schema itself. */
  private static Schema resolve(OpenAPI openAPI, Schema schema) {
    if (schema == null || schema.getRef() == null) {
      return schema;
    }
    String prefix = "#/components/schemas/";
    if (!schema.getRef().startsWith(prefix)
        || openAPI.getComponents() == null
        || openAPI.getComponents().getSchemas() == null) {
      return null;
    }
    return openAPI.getComponents().getSchemas().get(schema.getRef().substring(prefix.length()));
  }

  /** A record's key in its source system, in bodies as in paths: SourceKey checks both alike. */
  private static void sourceKey(Schema property, String name) {
    if (property != null
        && property.getRef() == null
        && property.getType() != null
        && property.getType().contains(Schema.SchemaType.STRING)
        && property.getMaxLength() == null) {
      property.setMaxLength(MAX_LENGTH.get(name));
      if (property.getPattern() == null && PATTERN.containsKey(name)) {
        property.setPattern(PATTERN.get(name));
      }
    }
  }

  /**
   * A string parameter without a bound gets the one the server enforces: its own where the server
   * checks it, otherwise the request line's ({@code danvan.http.max-uri-length}, 414 beyond) or a
   * header's ({@code danvan.http.max-header-size}, 431 beyond).
   */
  private static void bound(Parameter parameter) {
    Schema schema = parameter.getSchema();
    if (schema == null || schema.getRef() != null || schema.getType() == null) {
      return;
    }
    String name = parameter.getName();
    if (schema.getType().contains(Schema.SchemaType.STRING)
        && schema.getMaxLength() == null
        && schema.getEnumeration() == null
        && schema.getConstValue() == null) {
      schema.setMaxLength(
          MAX_LENGTH.getOrDefault(
              name, parameter.getIn() == Parameter.In.HEADER ? maxHeaderSize() : maxUriLength()));
      if (schema.getPattern() == null && PATTERN.containsKey(name)) {
        schema.setPattern(PATTERN.get(name));
      }
    }
    if (schema.getType().contains(Schema.SchemaType.INTEGER)
        && schema.getMinimum() == null
        && schema.getMaximum() == null) {
      long[] range = RANGE.getOrDefault(name, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
      schema.setMinimum(BigDecimal.valueOf(range[0]));
      schema.setMaximum(BigDecimal.valueOf(range[1]));
    }
  }

  private static int maxUriLength() {
    return ConfigProvider.getConfig()
        .getOptionalValue("danvan.http.max-uri-length", Integer.class)
        .orElse(8192);
  }

  private static int maxHeaderSize() {
    return (int) memorySize("danvan.http.max-header-size", "20K");
  }

  /** A size in bytes from the configuration: a number with an optional K, M or G suffix. */
  private static long memorySize(String key, String defaultValue) {
    String size =
        ConfigProvider.getConfig()
            .getOptionalValue(key, String.class)
            .orElse(defaultValue)
            .trim()
            .toUpperCase(Locale.ROOT);
    int shift =
        switch (size.isEmpty() ? ' ' : size.charAt(size.length() - 1)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 0;
        };
    String digits = shift == 0 ? size : size.substring(0, size.length() - 1);
    return Long.parseLong(digits.trim()) << shift;
  }

  /** Any operation may fail unexpectedly: the answer is then a problem (500 INTERNAL_ERROR). */
  private static void internalError(Operation op) {
    if (op.getResponses() == null || op.getResponses().getAPIResponse("500") != null) {
      return;
    }
    op.getResponses()
        .addAPIResponse(
            "500",
            OASFactory.createAPIResponse()
                .description("Lỗi không lường trước của máy chủ (INTERNAL_ERROR); thử lại sau.")
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            "application/problem+json",
                            OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
  }

  /** Retry-After is a number of seconds: an int32. */
  private static void retryAfterFormat(Operation op) {
    if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
      return;
    }
    for (APIResponse response : op.getResponses().getAPIResponses().values()) {
      Header header =
          response.getHeaders() == null ? null : response.getHeaders().get("Retry-After");
      if (header != null && header.getSchema() != null && header.getSchema().getFormat() == null) {
        header.getSchema().setFormat("int32");
      }
    }
  }
}
