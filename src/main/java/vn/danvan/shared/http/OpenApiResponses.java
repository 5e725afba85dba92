package vn.danvan.shared.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import vn.danvan.shared.attachment.AttachmentContent;

/**
 * The response headers and bodies the annotations cannot say once for all operations: a 201 answers
 * the created record with its Location and (for a versioned record) its ETag; every answer carrying
 * a versioned record sends its ETag; a retried POST may answer a replay; If-Match is required
 * wherever a missing one answers 428; attachment downloads serve the sniffed file types.
 */
final class OpenApiResponses {

  /** The operations whose 201 creates nothing a client could fetch again: no Location. */
  static final Set<String> CREATED_WITHOUT_LOCATION = Set.of("restructureOrgUnits");

  private static final String SCHEMAS = "#/components/schemas/";

  private OpenApiResponses() {}

  /** Finishes the responses of every operation of the document. */
  static void finish(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, Schema> schemas =
        openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
            ? Map.of()
            : openAPI.getComponents().getSchemas();
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
        Operation op = e.getValue();
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
          continue;
        }
        created(op, schemas);
        versioned(op, schemas);
        replayed(op);
        ifMatchRequired(e.getKey(), op);
        downloads(op);
      }
    }
  }

  /**
   * A 201 answers the created record: where the annotations name the 201 without a body (an
   * upsert's), the 200's body; always its Location (unless nothing addressable is created) and, for
   * a versioned record, its ETag.
   */
  private static void created(Operation op, Map<String, Schema> schemas) {
    APIResponse created = op.getResponses().getAPIResponse("201");
    if (created == null) {
      return;
    }
    APIResponse ok = op.getResponses().getAPIResponse("200");
    if (!hasBody(created) && ok != null && hasBody(ok)) {
      created.setContent(ok.getContent());
    }
    if (!CREATED_WITHOUT_LOCATION.contains(op.getOperationId())) {
      addHeader(
          created,
          "Location",
          "Địa chỉ của bản ghi vừa tạo.",
          OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"));
    }
    if (versionedBody(created, schemas)) {
      addHeader(
          created,
          "ETag",
          "Phiên bản của bản ghi vừa tạo (gửi lại trong If-Match khi sửa).",
          etagSchema());
    }
  }

  /** A 200 that answers a versioned record (read, replaced or moved on) sends its ETag. */
  private static void versioned(Operation op, Map<String, Schema> schemas) {
    APIResponse ok = op.getResponses().getAPIResponse("200");
    if (ok != null && versionedBody(ok, schemas)) {
      addHeader(
          ok,
          "ETag",
          "Phiên bản hiện tại của bản ghi (gửi lại trong If-Match khi sửa hoặc chuyển trạng thái).",
          etagSchema());
    }
  }

  /**
   * A POST retried with its Idempotency-Key answers the first response again, marked as a replay:
   * on its 201/202, or its 200 where that is the creating answer (no 201).
   */
  private static void replayed(Operation op) {
    if (!takesHeader(op, Idempotency.HEADER)) {
      return;
    }
    boolean creates = op.getResponses().getAPIResponse("201") != null;
    for (Map.Entry<String, APIResponse> e : op.getResponses().getAPIResponses().entrySet()) {
      String code = e.getKey();
      if (code.equals("201") || code.equals("202") || (code.equals("200") && !creates)) {
        addHeader(
            e.getValue(),
            Idempotency.REPLAYED_HEADER,
            "true khi đây là câu trả lời của lần gửi đầu tiên với cùng Idempotency-Key, được trả"
                + " lại (không thực hiện lại).",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .enumeration(new ArrayList<>(List.of("true"))));
      }
    }
  }

  /**
   * If-Match is required (428 without it) everywhere but on an upsert ({@code PUT} that may
   * create), where it is absent to create and optional to replace.
   */
  private static void ifMatchRequired(PathItem.HttpMethod method, Operation op) {
    boolean upsert =
        method == PathItem.HttpMethod.PUT && op.getResponses().getAPIResponse("201") != null;
    if (upsert || op.getParameters() == null) {
      return;
    }
    for (Parameter p : op.getParameters()) {
      if (p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())) {
        p.setRequired(true);
      }
    }
  }

  /**
   * An attachment download serves the type sniffed from the file's content (one of the accepted
   * types), with its SHA-256 as ETag, never {@code application/octet-stream}; it answers any
   * Accept, so never 406.
   */
  private static void downloads(Operation op) {
    APIResponse ok = op.getResponses().getAPIResponse("200");
    if (ok == null
        || !hasBody(ok)
        || !ok.getContent().getMediaTypes().containsKey("application/octet-stream")) {
      return;
    }
    Content content = OASFactory.createContent();
    for (String type : AttachmentContent.MEDIA_TYPES) {
      content.addMediaType(type, binary());
    }
    ok.setContent(content);
    op.getResponses().removeAPIResponse("406");
    addHeader(
        ok,
        "ETag",
        "SHA-256 của nội dung tệp (hex, trong dấu ngoặc kép).",
        OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    addHeader(
        ok,
        "Content-Disposition",
        "attachment; filename=\"…\"; filename*=UTF-8''… (tên tệp đã lưu).",
        OASFactory.createSchema().addType(Schema.SchemaType.STRING));
  }

  private static MediaType binary() {
    return OASFactory.createMediaType()
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
  }

  private static Schema etagSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.STRING)
        .examples(new ArrayList<>(List.of("\"0\"")));
  }

  /** Whether the JSON body is a record with an id and a version (sent as its ETag). */
  private static boolean versionedBody(APIResponse response, Map<String, Schema> schemas) {
    if (!hasBody(response)) {
      return false;
    }
    MediaType json = response.getContent().getMediaTypes().get("application/json");
    if (json == null || json.getSchema() == null || json.getSchema().getRef() == null) {
      return false;
    }
    String ref = json.getSchema().getRef();
    Schema schema = schemas.get(ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : ref);
    return schema != null
        && schema.getProperties() != null
        && schema.getProperties().containsKey("id")
        && schema.getProperties().containsKey("version");
  }

  private static void addHeader(
      APIResponse response, String name, String description, Schema schema) {
    if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
      return;
    }
    Header header = OASFactory.createHeader().description(description).schema(schema);
    response.addHeader(name, header);
  }

  static boolean hasBody(APIResponse response) {
    return response.getContent() != null
        && response.getContent().getMediaTypes() != null
        && !response.getContent().getMediaTypes().isEmpty();
  }

  /**
   * A read that names a unit or a reporting regime in its query answers 422 (UNKNOWN_UNIT,
   * UNKNOWN_REPORTING_REGIME) when it does not exist or lies outside the caller's scope.
   */
  static boolean namesAUnitOrRegime(Operation op) {
    return op.getParameters() != null
        && op.getParameters().stream()
            .anyMatch(
                p ->
                    p.getIn() == Parameter.In.QUERY
                        && ("orgUnitId".equals(p.getName())
                            || "regimeId".equals(p.getName())
                            || "collectingUnitId".equals(p.getName())));
  }

  static boolean takesHeader(Operation op, String name) {
    return op.getParameters() != null
        && op.getParameters().stream()
            .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
  }
}
