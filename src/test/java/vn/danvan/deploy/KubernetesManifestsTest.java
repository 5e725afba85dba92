package vn.danvan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Every Kustomize overlay in {@code k8s/overlays}, rendered offline with {@code kubectl kustomize}
 * (or {@code kustomize build}), and every rendered object checked: the Kubernetes objects against
 * the fabric8 model of their kind (no unknown field, no coerced scalar), the custom resources
 * against the pruned CRD schemas of {@code src/test/resources/k8s/crd-schemas.yaml}; then the
 * application's Deployment against the application itself (management port, image, user, memory).
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of("k8s");

  /** The Kubernetes kinds the manifests may use, by {@code apiVersion/kind}. */
  private static final Map<String, Class<? extends HasMetadata>> MODELS =
      Map.of(
          "v1/ServiceAccount", ServiceAccount.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "networking.k8s.io/v1/Ingress", Ingress.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
          "monitoring.coreos.com/v1/PodMonitor", PodMonitor.class);

  /**
   * Measured on 2026-11-30 with the image (Jib build, started as user 185 from its layers) under
   * -XX:MaxRAM=512m -XX:ActiveProcessorCount=1 (a 512 Mi, 1-CPU container: Serial GC), heap at most
   * 256 MiB, demo data, 2,560 GET requests of 16 operations from 4 clients: peak RSS 446 MiB with
   * 147 MiB of heap committed, so about 300 MiB besides the heap (metaspace 97, code cache 70,
   * symbols 21, class space 17, mapped jars and malloc arenas the rest); live heap after a full GC
   * 51 MiB.
   */
  static final long NON_HEAP_MEASURED_MIB = 300;

  /** About four times the measured live heap, and above the heap committed under the load. */
  static final long HEAP_NEEDED_MIB = 192;

  /** Room above heap and measured non-heap memory before the kernel kills the container. */
  static final long HEADROOM_MIB = 64;

  /** DESIGN.md: resident memory under 512 MB under load. */
  static final long DESIGN_RSS_TARGET_MIB = 512;

  /** Connections CloudNativePG keeps for itself (superuser reserve, replication, tools). */
  static final int DATABASE_RESERVED_CONNECTIONS = 20;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

  static Stream<Path> overlays() throws IOException {
    try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @Test
  void bothOverlaysAreThere() throws IOException {
    assertThat(overlays().map(p -> p.getFileName().toString())).contains("dev", "production");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyKubernetesObjectMatchesItsModel(Path overlay) throws Exception {
    List<String> problems = new ArrayList<>();
    for (JsonNode object : render(overlay)) {
      String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
      Class<? extends HasMetadata> model = MODELS.get(key);
      if (model == null) {
        continue; // a custom resource: the next test
      }
      String name = key + " " + object.path("metadata").path("name").asText();
      HasMetadata typed = JSON.treeToValue(object, model);
      unknownFields(typed, name, problems);
      String difference = firstDifference(object, JSON.valueToTree(typed), "");
      if (difference != null) {
        problems.add(name + ": changed by the model at " + difference);
      }
    }
    assertThat(problems).as(overlay + ": fields the Kubernetes API does not know").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyCustomResourceMatchesItsCrd(Path overlay) throws Exception {
    Map<String, Map<String, Object>> schemas;
    try (InputStream in = getClass().getResourceAsStream("/k8s/crd-schemas.yaml")) {
      schemas = new YAMLMapper().readValue(in, new TypeReference<>() {});
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (JsonNode object : render(overlay)) {
      String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
      if (MODELS.containsKey(key)) {
        continue;
      }
      String name = key + " " + object.path("metadata").path("name").asText();
      Map<String, Object> schema = schemas.get(key);
      if (schema == null) {
        problems.add(
            name + ": neither a Kubernetes kind of the test nor a CRD of crd-schemas.yaml");
        continue;
      }
      ObjectMeta metadata = JSON.treeToValue(object.path("metadata"), ObjectMeta.class);
      unknownFields(metadata, name + " metadata", problems);
      problems.addAll(StructuralSchema.violations(object.path("spec"), schema, name + " spec"));
      List<String> extra = new ArrayList<>();
      object.fieldNames().forEachRemaining(extra::add);
      extra.removeAll(List.of("apiVersion", "kind", "metadata", "spec"));
      if (!extra.isEmpty()) {
        problems.add(name + ": unexpected top-level fields " + extra);
      }
      checked++;
    }
    assertThat(problems).as(overlay + ": fields the operators' CRDs do not know").isEmpty();
    assertThat(checked).as("Cluster ×2, Keycloak, KeycloakRealmImport").isEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void probesUseTheManagementInterface(Path overlay) throws Exception {
    Properties app = applicationProperties();
    assertThat(app.getProperty("quarkus.management.enabled")).isEqualTo("true");
    int managementPort = Integer.parseInt(app.getProperty("quarkus.management.port"));
    assertThat(app.getProperty("quarkus.management.root-path")).as("default root /q").isNull();

    Container api = apiContainer(overlay);
    int httpPort = Integer.parseInt(app.getProperty("quarkus.http.port", "8080"));
    assertThat(port(api, "http")).isEqualTo(httpPort);
    assertThat(port(api, "management")).isEqualTo(managementPort);
    assertThat(probe(api.getStartupProbe(), api)).isEqualTo(managementPort + " /q/health/started");
    assertThat(probe(api.getLivenessProbe(), api)).isEqualTo(managementPort + " /q/health/live");
    assertThat(probe(api.getReadinessProbe(), api)).isEqualTo(managementPort + " /q/health/ready");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theImageIsTheOneTheImageProfileBuilds(Path overlay) throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile());
    String repository = pomProperty(pom, "container.image.repository");
    int user = Integer.parseInt(pomProperty(pom, "container.image.user"));

    Deployment deployment = one(overlay, Deployment.class);
    Container api = apiContainer(overlay);
    assertThat(api.getImage())
        .matches(Pattern.quote(repository) + "(:[\\w.-]+|@sha256:[0-9a-f]{64})");
    var pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getRunAsUser()).isEqualTo(user);
    assertThat(api.getSecurityContext().getRunAsUser()).isEqualTo(user);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void memoryFitsWhatTheApplicationWasMeasuredToNeed(Path overlay) throws Exception {
    Container api = apiContainer(overlay);
    long limit = mebibytes(api.getResources().getLimits().get("memory"));
    long request = mebibytes(api.getResources().getRequests().get("memory"));
    assertThat(request)
        .as("memory request = limit: the JVM does not give memory back")
        .isEqualTo(limit);

    String options = environment(overlay, api).get("JAVA_TOOL_OPTIONS");
    assertThat(options).as("JAVA_TOOL_OPTIONS").isNotNull().contains("-XX:+ExitOnOutOfMemoryError");
    long heap = maxHeapMebibytes(options, limit);
    assertThat(heap).as("maximum heap (MiB) of " + options).isGreaterThanOrEqualTo(HEAP_NEEDED_MIB);
    assertThat(heap + NON_HEAP_MEASURED_MIB)
        .as("resident memory (MiB) with a full heap: DESIGN.md's target")
        .isLessThan(DESIGN_RSS_TARGET_MIB);
    assertThat(limit)
        .as("container memory limit (MiB): heap " + heap + " + measured non-heap + headroom")
        .isGreaterThanOrEqualTo(heap + NON_HEAP_MEASURED_MIB + HEADROOM_MIB);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theAutoscalerStaysWithinTheDatabaseConnections(Path overlay) throws Exception {
    HorizontalPodAutoscaler hpa = one(overlay, HorizontalPodAutoscaler.class);
    Deployment deployment = one(overlay, Deployment.class);
    PodDisruptionBudget pdb = one(overlay, PodDisruptionBudget.class);
    var spec = hpa.getSpec();
    assertThat(spec.getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(spec.getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
    assertThat(deployment.getSpec().getReplicas())
        .isBetween(spec.getMinReplicas(), spec.getMaxReplicas());
    assertThat(spec.getMinReplicas())
        .as("a drain can always evict one pod")
        .isGreaterThan(pdb.getSpec().getMinAvailable().getIntVal());
    // CPU only: a JVM keeps its heap once grown, so a memory target would never scale down.
    assertThat(spec.getMetrics())
        .extracting(MetricSpec::getType, m -> m.getResource().getName())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Resource", "cpu"));
    assertThat(apiContainer(overlay).getResources().getRequests()).containsKey("cpu");

    Container api = apiContainer(overlay);
    int pool =
        Integer.parseInt(
            environment(overlay, api)
                .getOrDefault(
                    "QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                    applicationProperties().getProperty("quarkus.datasource.jdbc.max-size")));
    JsonNode database =
        render(overlay).stream()
            .filter(o -> o.path("kind").asText().equals("Cluster"))
            .filter(o -> o.path("metadata").path("name").asText().equals("danvan-db"))
            .findFirst()
            .orElseThrow();
    int maxConnections =
        database.path("spec").path("postgresql").path("parameters").path("max_connections").asInt();
    assertThat(spec.getMaxReplicas() * pool + DATABASE_RESERVED_CONNECTIONS)
        .as("max replicas × pool size + reserve ≤ max_connections of danvan-db")
        .isLessThanOrEqualTo(maxConnections);
  }

  @Test
  void theDevRealmIsTheRealmFileCiImports() throws Exception {
    JsonNode realm =
        render(K8S.resolve("overlays/dev")).stream()
            .filter(o -> o.path("kind").asText().equals("KeycloakRealmImport"))
            .findFirst()
            .orElseThrow()
            .path("spec")
            .path("realm");
    JsonNode file = JSON.readTree(K8S.resolve("keycloak/danvan-realm.json").toFile());
    assertThat(realm)
        .as("base/keycloak/realm-import.yaml is stale: run k8s/keycloak/render-realm-import.sh")
        .isEqualTo(file);
  }

  // ------------------------------------------------------------------ rendering

  static List<JsonNode> render(Path overlay) {
    return RENDERED.computeIfAbsent(
        overlay.toAbsolutePath().normalize(), KubernetesManifestsTest::run);
  }

  private static List<JsonNode> run(Path overlay) {
    List<String> command = kustomize(overlay);
    try {
      Path out = Files.createTempFile("kustomize", ".yaml");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command + " finished").isTrue();
        assertThat(process.exitValue()).as(command + ": " + errors).isZero();
        try (Reader reader = Files.newBufferedReader(out)) {
          return new YAMLMapper()
              .readValues(new YAMLMapper().createParser(reader), JsonNode.class)
              .readAll();
        }
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new AssertionError(command + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@code kustomize build} when installed, else the Kustomize built into kubectl. */
  private static List<String> kustomize(Path overlay) {
    String dir = overlay.toString();
    if (onPath("kustomize")) {
      return List.of("kustomize", "build", dir);
    }
    String needed =
        "kubectl (1.27 or later: Kustomize v5) or kustomize on the PATH renders k8s/overlays";
    if (!"true".equals(System.getenv("CI"))) {
      // a developer's machine without either skips the check; CI (CI=true) must run it
      org.junit.jupiter.api.Assumptions.assumeTrue(onPath("kubectl"), needed);
    }
    assertThat(onPath("kubectl")).as(needed).isTrue();
    return List.of("kubectl", "kustomize", dir);
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  // ------------------------------------------------------------------ strictness of the models

  /**
   * fabric8 models keep fields they do not know in {@code additionalProperties} instead of failing:
   * every model object reached from {@code model} must have none.
   */
  private static void unknownFields(Object model, String path, List<String> problems) {
    if (model == null) {
      return;
    }
    if (model instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (model instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
      return;
    }
    if (!model.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : model.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(model);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": unknown fields " + extra.keySet());
        }
      } else if (value != null && value != model) {
        String property = getter.getName().replaceFirst("^(get|is)", "");
        unknownFields(value, path + "." + property, problems);
      }
    }
  }

  /** Where {@code typed} (the object read into its model and written back) differs, or null. */
  private static String firstDifference(JsonNode given, JsonNode typed, String path) {
    if (given.isObject() && typed.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      given.fieldNames().forEachRemaining(names::add);
      typed.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!given.has(name) || !typed.has(name)) {
          return path + "/" + name + (given.has(name) ? " (dropped)" : " (added)");
        }
        String inner = firstDifference(given.get(name), typed.get(name), path + "/" + name);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (given.isArray() && typed.isArray() && given.size() == typed.size()) {
      for (int i = 0; i < given.size(); i++) {
        String inner = firstDifference(given.get(i), typed.get(i), path + "/" + i);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    boolean same =
        given.isNumber() && typed.isNumber()
            ? given.decimalValue().compareTo(typed.decimalValue()) == 0 // int32 read as a Long
            : given.equals(typed);
    return same ? null : path + ": " + given + " became " + typed;
  }

  // ------------------------------------------------------------------ the application's pod

  static <T extends HasMetadata> T one(Path overlay, Class<T> model) throws IOException {
    List<T> found = new ArrayList<>();
    for (JsonNode object : render(overlay)) {
      String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
      if (MODELS.get(key) == model
          && object.path("metadata").path("name").asText().equals("danvan-api")) {
        found.add(JSON.treeToValue(object, model));
      }
    }
    assertThat(found).as(model.getSimpleName() + " danvan-api in " + overlay).hasSize(1);
    return found.get(0);
  }

  static Container apiContainer(Path overlay) throws IOException {
    List<Container> containers =
        one(overlay, Deployment.class).getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).extracting(Container::getName).containsExactly("api");
    return containers.get(0);
  }

  /** The container's environment from its ConfigMaps (envFrom) and literal values. */
  private static Map<String, String> environment(Path overlay, Container api) throws IOException {
    Map<String, String> env = new java.util.HashMap<>();
    for (var source : api.getEnvFrom()) {
      String name = source.getConfigMapRef().getName();
      List<ConfigMap> maps = new ArrayList<>();
      for (JsonNode object : render(overlay)) {
        if (object.path("kind").asText().equals("ConfigMap")
            && object.path("metadata").path("name").asText().equals(name)) {
          maps.add(JSON.treeToValue(object, ConfigMap.class));
        }
      }
      assertThat(maps).as("ConfigMap " + name + " (envFrom)").hasSize(1);
      env.putAll(maps.get(0).getData());
    }
    api.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .forEach(e -> env.put(e.getName(), e.getValue()));
    return env;
  }

  private static int port(Container container, String name) {
    return container.getPorts().stream()
        .filter(p -> name.equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + name));
  }

  private static String probe(Probe probe, Container container) {
    assertThat(probe).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get).as("an HTTP probe").isNotNull();
    int port =
        get.getPort().getStrVal() != null
            ? port(container, get.getPort().getStrVal())
            : get.getPort().getIntVal();
    return port + " " + get.getPath();
  }

  private static long mebibytes(Quantity quantity) {
    BigDecimal bytes = Quantity.getAmountInBytes(quantity);
    return bytes.divideToIntegralValue(BigDecimal.valueOf(1024 * 1024)).longValueExact();
  }

  /** The heap the JVM takes under a {@code limit} MiB container from these options. */
  static long maxHeapMebibytes(String options, long limit) {
    Matcher xmx = Pattern.compile("-Xmx(\\d+)([kKmMgG])").matcher(options);
    if (xmx.find()) {
      long value = Long.parseLong(xmx.group(1));
      return switch (Character.toLowerCase(xmx.group(2).charAt(0))) {
        case 'k' -> value / 1024;
        case 'm' -> value;
        default -> value * 1024;
      };
    }
    Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([\\d.]+)").matcher(options);
    assertThat(percentage.find())
        .as("a heap limit (-Xmx or -XX:MaxRAMPercentage) in " + options)
        .isTrue();
    return (long) (limit * Double.parseDouble(percentage.group(1)) / 100);
  }

  private static Properties applicationProperties() throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  private static String pomProperty(Document pom, String name) {
    var nodes = pom.getElementsByTagName(name);
    assertThat(nodes.getLength()).as("pom.xml property " + name).isEqualTo(1);
    return nodes.item(0).getTextContent().trim();
  }
}
