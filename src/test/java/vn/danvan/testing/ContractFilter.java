package vn.danvan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates every response an API test receives over RestAssured against the committed contract,
 * {@code openapi/openapi.yaml}: the operation is found by method and path, the response by status
 * (or {@code default}) and content type, and a JSON body (problem+json included) is validated
 * against its schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). A mismatch fails the request,
 * and so the test that sent it, naming the operation, the status and the JSON pointer.
 *
 * <p>Installed for every {@code @QuarkusTest} by {@link ContractCallback}. Requests outside the
 * document ({@code /q/…}, unknown paths, methods a path does not have) are not checked.
 *
 * <p>{@code -Ddanvan.contract=collect} writes the mismatches to {@code target/contract/} instead of
 * failing (to count them over many test classes); {@code -Ddanvan.contract=off} disables the check.
 */
public final class ContractFilter implements Filter {

  /**
   * While the statuses and response bodies that another change documents (201 bodies, 406, 412,
   * 413, 415, 428, 429, downloads' content types) are not all in the document, a response whose
   * status or content type the operation does not document is written to {@code
   * target/contract/tolerated.txt} instead of failing. Turn it to {@code false} once they are.
   */
  public static final boolean TOLERATE_UNDOCUMENTED_RESPONSES = false;

  static final ContractFilter INSTANCE = new ContractFilter();

  private static final String MODE = System.getProperty("danvan.contract", "strict");
  private static final Path DOCUMENT = Path.of("openapi", "openapi.yaml");
  private static final Path OUT = Path.of("target", "contract");
  private static final String IRI = "https://contract.danvan.test/openapi.json";
  private static final Pattern INDEX = Pattern.compile("/\\d+(?=/|$)");

  private static volatile String currentTest = "?";
  private static volatile Contract contract;

  private final Set<String> written = ConcurrentHashMap.newKeySet();

  private ContractFilter() {}

  /** Registers the filter for all RestAssured requests (once) and names the running test. */
  static void install(String test) {
    currentTest = test;
    if (!"off".equals(MODE) && !RestAssured.filters().contains(INSTANCE)) {
      RestAssured.filters(INSTANCE);
    }
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext ctx) {
    Response response = ctx.next(request, responseSpec);
    if ("off".equals(MODE)) {
      return response;
    }
    List<String> mismatches = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    String operation = check(request, response, mismatches, tolerated);
    if (operation == null) {
      return response;
    }
    record(
        "checked.txt",
        currentTest
            + "\t"
            + operation
            + " "
            + response.statusCode()
            + (mismatches.isEmpty() ? "" : "\tMISMATCH"));
    for (String t : tolerated) {
      record("tolerated.txt", operation + "\t" + t);
    }
    if (!mismatches.isEmpty()) {
      if ("collect".equals(MODE)) {
        for (String m : mismatches) {
          record("mismatches.txt", operation + "\t" + m + "\t" + currentTest);
        }
      } else {
        throw new AssertionError(
            "Response does not match openapi/openapi.yaml: "
                + operation
                + " answered "
                + response.statusCode()
                + " "
                + response.contentType()
                + "\n  "
                + String.join("\n  ", mismatches)
                + "\nbody: "
                + abbreviate(response.asString()));
      }
    }
    return response;
  }

  /** The operation's name, or null when the request is outside the document. */
  private static String check(
      FilterableRequestSpecification request,
      Response response,
      List<String> mismatches,
      List<String> tolerated) {
    Contract c = contract();
    String method = request.getMethod().toLowerCase(Locale.ROOT);
    String path = URI.create(request.getURI()).getRawPath();
    Contract.Route route = c.route(path);
    if (route == null) {
      return null;
    }
    JsonNode op = c.document.path("paths").path(route.template()).path(method);
    if (op.isMissingNode()) {
      return null;
    }
    String operation = method.toUpperCase(Locale.ROOT) + " " + route.template();
    String status = Integer.toString(response.statusCode());
    JsonNode responses = op.path("responses");
    String documented = responses.has(status) ? status : "default";
    JsonNode described = responses.path(documented);
    if (described.isMissingNode()) {
      undocumented(status + " not documented", mismatches, tolerated);
      return operation;
    }
    byte[] body = response.asByteArray();
    if (body.length == 0) {
      return operation;
    }
    String mediaType = mediaType(response.contentType());
    JsonNode content = described.path("content");
    String key = matchingKey(content, mediaType);
    if (key == null) {
      undocumented(
          status + " " + mediaType + " not documented (documented: " + names(content) + ")",
          mismatches,
          tolerated);
      return operation;
    }
    if (!mediaType.endsWith("json") || !content.path(key).has("schema")) {
      return operation;
    }
    JsonNode instance;
    try {
      instance = c.json.readTree(body);
    } catch (IOException e) {
      mismatches.add(status + " " + mediaType + ": not JSON (" + e.getMessage() + ")");
      return operation;
    }
    ignoreSyntheticRecords(instance);
    String pointer =
        "/paths/"
            + escape(route.template())
            + "/"
            + method
            + "/responses/"
            + documented
            + "/content/"
            + escape(key)
            + "/schema";
    for (ValidationMessage m : c.schema(pointer).validate(instance)) {
      String at = m.getInstanceLocation().toString();
      mismatches.add(
          status
              + " "
              + (at.isEmpty() ? "/" : INDEX.matcher(at).replaceAll("/*"))
              + " ["
              + m.getType()
              + "] "
              + (m.getMessage().startsWith(at + ": ")
                  ? m.getMessage().substring(at.length() + 2)
                  : m.getMessage()));
    }
    return operation;
  }

  /**
   * Change-feed entries of entity types that tests make up ({@code TEST_…}, see {@code
   * SyntheticFeedSource}) are of no documented type and carry records of no documented schema: they
   * are not checked.
   */
  private static void ignoreSyntheticRecords(JsonNode instance) {
    if (instance.path("items") instanceof com.fasterxml.jackson.databind.node.ArrayNode items) {
      for (int i = items.size() - 1; i >= 0; i--) {
        if (items.get(i).path("entityType").asText().startsWith("TEST_")) {
          items.remove(i);
        }
      }
    }
  }

  private static void undocumented(String what, List<String> mismatches, List<String> tolerated) {
    (TOLERATE_UNDOCUMENTED_RESPONSES ? tolerated : mismatches).add(what);
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The content key that describes {@code mediaType}: itself, then {@code type/*}, then {@code *}.
   */
  private static String matchingKey(JsonNode content, String mediaType) {
    if (content.has(mediaType)) {
      return mediaType;
    }
    String range = mediaType.replaceAll("/.*", "/*");
    if (content.has(range)) {
      return range;
    }
    return content.has("*/*") ? "*/*" : null;
  }

  private static String names(JsonNode content) {
    List<String> names = new ArrayList<>();
    content.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "no content" : String.join(", ", names);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String abbreviate(String body) {
    return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
  }

  /** Appends a line once per run (the first occurrence) to a file of {@code target/contract/}. */
  private void record(String file, String line) {
    String key = file + "\t" + line.replace("\t" + currentTest, "");
    if (!file.equals("checked.txt") && !written.add(key)) {
      return;
    }
    try {
      Files.createDirectories(OUT);
      Files.writeString(
          OUT.resolve(file),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Contract contract() {
    Contract c = contract;
    if (c == null) {
      synchronized (ContractFilter.class) {
        if (contract == null) {
          contract = new Contract();
        }
        c = contract;
      }
    }
    return c;
  }

  /** The committed document, its paths as patterns, and the schemas compiled on first use. */
  private static final class Contract {

    record Route(String template, Pattern pattern, int parameters) {}

    final ObjectMapper json = new ObjectMapper();
    final JsonNode document;
    final List<Route> routes = new ArrayList<>();
    final JsonSchemaFactory factory;
    final SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    Contract() {
      try {
        document = new YAMLMapper().readTree(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + DOCUMENT.toAbsolutePath(), e);
      }
      for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
        String template = it.next();
        String regex = "\\Q" + template.replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "\\E/?";
        routes.add(
            new Route(
                template,
                Pattern.compile(regex),
                (int) template.chars().filter(ch -> ch == '{').count()));
      }
      // a literal segment wins over a parameter: /tasks/statistics before /tasks/{id}
      routes.sort(Comparator.comparingInt(Route::parameters));
      String text = document.toString();
      factory =
          JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V202012,
              b ->
                  b.metaSchema(OpenApi31.getInstance())
                      .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                      .schemaLoaders(l -> l.schemas(Map.of(IRI, text))));
    }

    Route route(String path) {
      for (Route r : routes) {
        if (r.pattern().matcher(path).matches()) {
          return r;
        }
      }
      return null;
    }

    JsonSchema schema(String pointer) {
      return schemas.computeIfAbsent(
          pointer, p -> factory.getSchema(SchemaLocation.of(IRI + "#" + p), config));
    }
  }
}
