package vn.danvan.shared.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import vn.danvan.shared.error.Problem;
import vn.danvan.shared.error.ProblemFactory;

/**
 * Makes Swagger UI usable as is against the demo data: optional parameters carry no example (Try it
 * out would send it as a filter), Idempotency-Key and If-Match are left empty, request bodies and
 * path parameters carry examples that work on the demo data ({@code openapi/examples/*.json},
 * {@code openapi/path-examples.properties}), each problem response shows an example of its own
 * status, tags follow the order of the domain and summaries are also in English.
 */
final class OpenApiExamples {

  /** The order of the domain: org units, directives, tasks, reporting, reception, sync, … */
  static final List<String> TAG_ORDER =
      List.of(
          "Đơn vị",
          "Văn bản chỉ đạo",
          "Nhiệm vụ",
          "Mẫu báo cáo",
          "Chế độ báo cáo",
          "Báo cáo định kỳ",
          "Tổng hợp báo cáo",
          "Tiếp công dân",
          "Đối thoại với Nhân dân",
          "Mô hình Dân vận khéo",
          "Chương trình công tác",
          "Đồng bộ",
          "Nhập dữ liệu hàng loạt",
          "Danh mục",
          "Lịch làm việc",
          "Tài khoản",
          "Kiểm toán");

  /** The code each problem status shows as its example. */
  private static final Map<String, String> EXAMPLE_CODES = new LinkedHashMap<>();

  static {
    EXAMPLE_CODES.put("400", "VALIDATION_FAILED");
    EXAMPLE_CODES.put("401", "UNAUTHENTICATED");
    EXAMPLE_CODES.put("403", "FORBIDDEN");
    EXAMPLE_CODES.put("404", "NOT_FOUND");
    EXAMPLE_CODES.put("406", "NOT_ACCEPTABLE");
    EXAMPLE_CODES.put("409", "CONFLICT");
    EXAMPLE_CODES.put("412", "PRECONDITION_FAILED");
    EXAMPLE_CODES.put("413", "PAYLOAD_TOO_LARGE");
    EXAMPLE_CODES.put("414", "URI_TOO_LONG");
    EXAMPLE_CODES.put("415", "UNSUPPORTED_MEDIA_TYPE");
    EXAMPLE_CODES.put("422", "IDEMPOTENCY_KEY_REUSED");
    EXAMPLE_CODES.put("428", "PRECONDITION_REQUIRED");
    EXAMPLE_CODES.put("429", "TOO_MANY_REQUESTS");
    EXAMPLE_CODES.put("431", "HEADERS_TOO_LARGE");
    EXAMPLE_CODES.put("500", "INTERNAL_ERROR");
  }

  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final String IDEMPOTENCY_KEY =
      "Khóa chống gửi trùng: một UUID mới cho mỗi thao tác (ví dụ sinh bằng crypto.randomUUID());"
          + " gửi lại đúng khóa đó khi thử lại cùng yêu cầu. Để trống nếu không cần. Cùng khóa với"
          + " nội dung khác: 422 IDEMPOTENCY_KEY_REUSED. An idempotency key: a fresh UUID per logical"
          + " operation, resent unchanged on retries.";
  private static final String IF_MATCH =
      "ETag của phiên bản đang sửa, lấy từ tiêu đề ETag của lần GET (hoặc lần ghi) gần nhất, ví dụ"
          + " \"3\". The ETag of the version being changed, from the last GET.";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Properties SUMMARIES = properties("openapi/summaries_en.properties");
  private static final Properties PATH_EXAMPLES = properties("openapi/path-examples.properties");

  private OpenApiExamples() {}

  static void apply(OpenAPI openAPI) {
    orderTags(openAPI);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      for (Operation op : path.getValue().getOperations().values()) {
        String id = op.getOperationId();
        summaryInEnglish(op);
        parameters(id, op);
        requestBody(id, op);
        problems(path.getKey(), op);
      }
    }
  }

  private static void orderTags(OpenAPI openAPI) {
    if (openAPI.getTags() == null) {
      return;
    }
    List<Tag> tags = new ArrayList<>(openAPI.getTags());
    tags.sort(
        java.util.Comparator.comparingInt(
            t -> {
              int i = TAG_ORDER.indexOf(t.getName());
              return i < 0 ? TAG_ORDER.size() : i;
            }));
    openAPI.setTags(tags);
  }

  private static void summaryInEnglish(Operation op) {
    String english =
        op.getOperationId() == null ? null : SUMMARIES.getProperty(op.getOperationId());
    if (english != null && op.getSummary() != null && !op.getSummary().contains(" / ")) {
      op.setSummary(op.getSummary() + " / " + english);
    }
  }

  /**
   * Swagger UI puts a parameter's example into its input, and Try it out sends it: an optional
   * filter then narrows the first list to nothing. Such examples move into the description; path
   * parameters get one that names demo data where a stable demo id exists.
   */
  private static void parameters(String operationId, Operation op) {
    if (op.getParameters() == null) {
      return;
    }
    for (Parameter p : op.getParameters()) {
      String name = p.getName();
      if (p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(name)) {
        clearExamples(p);
        p.setDescription(IDEMPOTENCY_KEY);
      } else if (p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(name)) {
        clearExamples(p);
        p.setDescription(IF_MATCH);
      } else if (p.getIn() == Parameter.In.PATH) {
        String demo = PATH_EXAMPLES.getProperty(operationId + "." + name);
        if (demo != null) {
          p.setExample(demo.isBlank() ? null : demo);
          p.setExamples(null);
        }
      } else if (!Boolean.TRUE.equals(p.getRequired()) && p.getExample() != null) {
        String value = String.valueOf(p.getExample());
        String description = p.getDescription() == null ? "" : p.getDescription().strip();
        if (!description.contains(value)) {
          description =
              (description.isEmpty() || description.endsWith(".") ? description : description + ".")
                  + (description.isEmpty() ? "" : " ")
                  + "Ví dụ: "
                  + value
                  + ".";
        }
        p.setDescription(description);
        clearExamples(p);
      } else if (!Boolean.TRUE.equals(p.getRequired())) {
        p.setExamples(null);
      }
    }
  }

  private static void clearExamples(Parameter p) {
    p.setExample(null);
    p.setExamples(null);
  }

  /**
   * A JSON request body gets the example of {@code openapi/examples/<operationId>.json} where there
   * is one (it replaces the annotations' examples: one example, the one Swagger UI sends).
   */
  private static void requestBody(String operationId, Operation op) {
    if (op.getRequestBody() == null
        || op.getRequestBody().getContent() == null
        || op.getRequestBody().getContent().getMediaTypes() == null) {
      return;
    }
    MediaType json = op.getRequestBody().getContent().getMediaType("application/json");
    if (json == null) {
      return;
    }
    String resource = "openapi/examples/" + operationId + ".json";
    try (InputStream in = resource(resource)) {
      if (in != null) {
        json.setExample(JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {}));
        json.setExamples(null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  /** Each problem response shows a problem of its own status, as the service writes it. */
  private static void problems(String path, Operation op) {
    if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
      return;
    }
    for (Map.Entry<String, APIResponse> e : op.getResponses().getAPIResponses().entrySet()) {
      String code = EXAMPLE_CODES.get(e.getKey());
      APIResponse response = e.getValue();
      if (code == null
          || response.getContent() == null
          || response.getContent().getMediaType(ProblemFactory.PROBLEM_JSON_TYPE) == null) {
        continue;
      }
      MediaType problem = response.getContent().getMediaType(ProblemFactory.PROBLEM_JSON_TYPE);
      if (problem.getExample() != null
          || (problem.getExamples() != null && !problem.getExamples().isEmpty())) {
        continue;
      }
      Problem p =
          ProblemFactory.problem(
              VI,
              Integer.parseInt(e.getKey()),
              code,
              path,
              code.equals("VALIDATION_FAILED")
                  ? List.of(new Problem.Violation("/title", "không được để trống"))
                  : List.of(),
              code.equals("NOT_FOUND") ? "bản ghi" : "7f3c2a1e");
      Map<String, Object> example = new LinkedHashMap<>();
      example.put("type", p.type());
      example.put("title", p.title());
      example.put("status", p.status());
      example.put("detail", p.detail());
      example.put("instance", p.instance());
      example.put("code", p.code());
      if (!p.errors().isEmpty()) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Problem.Violation v : p.errors()) {
          Map<String, Object> error = new LinkedHashMap<>();
          error.put("pointer", v.pointer());
          error.put("detail", v.detail());
          errors.add(error);
        }
        example.put("errors", errors);
      }
      problem.setExample(example);
    }
  }

  private static Properties properties(String resource) {
    Properties properties = new Properties();
    try (InputStream in = resource(resource)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    return properties;
  }

  private static InputStream resource(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    InputStream in = loader == null ? null : loader.getResourceAsStream(name);
    return in != null ? in : OpenApiExamples.class.getClassLoader().getResourceAsStream(name);
  }
}
