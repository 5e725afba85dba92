package vn.danvan.shared.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The JSON body of {@code POST /api/v1/imports} as the server reads it: an array of items of the
 * import's {@code type}, each parsed into that type's item record and validated like it, at most
 * {@code danvan.imports.max-items}. The item records are the features' (shared code names them only
 * by their schema names); {@code ImportDocumentTest} checks that every import type is here.
 */
final class OpenApiImportItems {

  static final String OPERATION_ID = "startImport";

  /** Each import type and the schema of its items. */
  static final Map<String, String> ITEMS = new LinkedHashMap<>();

  static {
    ITEMS.put("ORG_UNIT", "OrgUnitImportItem");
    ITEMS.put("DIRECTIVE", "DirectiveImportItem");
    ITEMS.put("TASK", "TaskImportItem");
    ITEMS.put("RECEPTION_VISIT", "ReceptionVisitImportItem");
    ITEMS.put("REPORT_VALUES", "ReportValuesImportItem");
  }

  private OpenApiImportItems() {}

  static void apply(OpenAPI openAPI) {
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation op : item.getOperations().values()) {
        if (OPERATION_ID.equals(op.getOperationId())
            && op.getRequestBody() != null
            && op.getRequestBody().getContent() != null) {
          MediaType json = op.getRequestBody().getContent().getMediaType("application/json");
          if (json != null) {
            json.setSchema(body(openAPI));
          }
          MediaType ndjson = op.getRequestBody().getContent().getMediaType("application/x-ndjson");
          if (ndjson != null && ndjson.getExamples() != null) {
            ndjson.getExamples().values().forEach(OpenApiImportItems::ndjsonText);
          }
        }
      }
    }
  }

  /**
   * An NDJSON body is text: the annotation's example, parsed as JSON by the generator (which keeps
   * its first object only), is written back as one line of text.
   */
  private static void ndjsonText(org.eclipse.microprofile.openapi.models.examples.Example example) {
    if (example.getValue() != null && !(example.getValue() instanceof String)) {
      try {
        example.setValue(
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(example.getValue())
                + "\n");
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        example.setValue(null);
      }
    }
  }

  /** One array per type (an empty array is all of them): anyOf, not oneOf. */
  private static Schema body(OpenAPI openAPI) {
    int maxItems =
        ConfigProvider.getConfig()
            .getOptionalValue("danvan.imports.max-items", Integer.class)
            .orElse(100_000);
    List<Schema> arrays = new ArrayList<>();
    List<String> names = new ArrayList<>();
    ITEMS.forEach(
        (type, schema) -> {
          if (openAPI.getComponents().getSchemas().containsKey(schema)) {
            arrays.add(
                OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.ARRAY))
                    .title(type)
                    .description("Các mục của type=" + type + ".")
                    .maxItems(maxItems)
                    .items(OASFactory.createSchema().ref("#/components/schemas/" + schema)));
            names.add(type + ": " + schema);
          }
        });
    return OASFactory.createSchema()
        .description(
            "Mảng các mục (tối đa "
                + maxItems
                + "), tất cả cùng loại của tham số type; mỗi mục theo lược đồ của loại đó ("
                + String.join(", ", names)
                + "), như thân PUT theo mã nguồn của loại kèm id hoặc khóa nguồn.")
        .anyOf(arrays);
  }
}
