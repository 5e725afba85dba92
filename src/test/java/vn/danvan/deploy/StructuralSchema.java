package vn.danvan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of Kubernetes' structural schemas (the {@code openAPIV3Schema} of a CRD) that the pruned
 * schemas in {@code src/test/resources/k8s/crd-schemas.yaml} use: {@code type}, {@code properties}
 * (no other field allowed), {@code additionalProperties}, {@code items}, {@code required}, {@code
 * enum}, {@code pattern}, {@code minimum} and {@code x-kubernetes-int-or-string}.
 */
final class StructuralSchema {

  private StructuralSchema() {}

  /** Every violation of {@code schema} by {@code value}, each with its path; empty when valid. */
  static List<String> violations(JsonNode value, Map<String, Object> schema, String path) {
    List<String> out = new ArrayList<>();
    check(value, schema, path, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void check(
      JsonNode value, Map<String, Object> schema, String path, List<String> out) {
    if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        out.add(path + ": integer or string expected, found " + value.getNodeType());
        return;
      }
    } else if (schema.get("type") instanceof String type && !hasType(value, type)) {
      out.add(path + ": " + type + " expected, found " + value.getNodeType());
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed
        && allowed.stream().map(String::valueOf).noneMatch(value.asText()::equals)) {
      out.add(path + ": " + value.asText() + " is not one of " + allowed);
    }
    if (schema.get("pattern") instanceof String pattern
        && value.isTextual()
        && !Pattern.compile(pattern).matcher(value.asText()).find()) {
      out.add(path + ": " + value.asText() + " does not match " + pattern);
    }
    if (schema.get("minimum") instanceof Number minimum
        && value.isNumber()
        && value.asDouble() < minimum.doubleValue()) {
      out.add(path + ": " + value.asText() + " is below the minimum " + minimum);
    }
    if (value.isObject()) {
      if (schema.get("required") instanceof List<?> required) {
        for (Object name : required) {
          if (!value.has((String) name)) {
            out.add(path + ": required field " + name + " is missing");
          }
        }
      }
      Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
      Object additional = schema.get("additionalProperties");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String at = path + "." + field.getKey();
        if (properties != null && properties.get(field.getKey()) instanceof Map<?, ?> known) {
          check(field.getValue(), (Map<String, Object>) known, at, out);
        } else if (additional instanceof Map<?, ?> each) {
          check(field.getValue(), (Map<String, Object>) each, at, out);
        } else if (!Boolean.TRUE.equals(additional)) {
          out.add(at + ": unknown field (not in the CRD, or not yet in crd-schemas.yaml)");
        }
      }
    }
    if (value.isArray() && schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), (Map<String, Object>) items, path + "[" + i + "]", out);
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> throw new IllegalArgumentException("unsupported schema type " + type);
    };
  }
}
