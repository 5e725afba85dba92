package vn.danvan.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.sync.ImportTarget;

/** The import types the features provide ({@link ImportTarget} beans), by code. */
@ApplicationScoped
class ImportTargets {

  @Inject @Any Instance<ImportTarget<?>> beans;

  private volatile Map<String, ImportTarget<?>> byType;

  Map<String, ImportTarget<?>> all() {
    Map<String, ImportTarget<?>> map = byType;
    if (map == null) {
      map = new TreeMap<>();
      for (ImportTarget<?> target : beans) {
        if (map.putIfAbsent(target.type(), target) != null) {
          throw new IllegalStateException("Two import targets of type " + target.type());
        }
      }
      byType = map;
    }
    return map;
  }

  /** The target of {@code type}, or 400 {@code UNKNOWN_IMPORT_TYPE} naming the valid codes. */
  ImportTarget<?> get(String type) {
    ImportTarget<?> target = type == null ? null : all().get(type);
    if (target == null) {
      String codes = all().isEmpty() ? "—" : String.join(", ", all().keySet());
      throw new ApiException(
          400,
          "UNKNOWN_IMPORT_TYPE",
          java.util.List.of(ApiException.FieldError.of("/query/type", "field.UNKNOWN_CODE")),
          codes);
    }
    return target;
  }
}
