package vn.danvan.shared.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that follow from the run mode, below every explicit setting (environment variables,
 * system properties, {@code application.properties}):
 *
 * <ul>
 *   <li>with an external database, OIDC is on ({@code quarkus.oidc.tenant-enabled=true}); with the
 *       embedded one it is off unless configured;
 *   <li>while the demo accounts (password = user name) are on, the service listens on 127.0.0.1
 *       only, the API and the management interface alike, unless {@code quarkus.http.host} ({@code
 *       quarkus.management.host}) is set;
 *   <li>with the embedded database, browsers on the usual local development origins may call the
 *       API ({@code danvan.cors.origins}, see {@link vn.danvan.shared.http.Cors}); with an external
 *       one no origin is allowed unless configured.
 * </ul>
 *
 * The run mode is decided here the same way the embedded server decides to start: no {@code
 * quarkus.datasource.jdbc.url} and {@code danvan.embedded-db.enabled} not false. {@link
 * SecurityMode} checks the result at startup and says what it means.
 */
public class RunModeConfigSourceFactory implements ConfigSourceFactory {

  /** Name of the source, to tell its values from explicit ones. */
  public static final String NAME = "danvan-run-mode-defaults";

  /** Below application.properties (250) and microprofile-config.properties (100). */
  static final int ORDINAL = 90;

  static final String HTTP_HOST = "quarkus.http.host";
  static final String MANAGEMENT_HOST = "quarkus.management.host";
  static final String OIDC_ENABLED = "quarkus.oidc.tenant-enabled";
  static final String LOOPBACK = "127.0.0.1";
  static final String CORS_ORIGINS = "danvan.cors.origins";

  /** The dev servers of the usual frontend tool chains (CRA/Next, Vite, Angular, Vue CLI). */
  public static final String DEV_ORIGINS =
      "http://localhost:3000,http://127.0.0.1:3000,http://localhost:5173,http://127.0.0.1:5173,"
          + "http://localhost:4200,http://127.0.0.1:4200,http://localhost:8080,http://127.0.0.1:8080";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (isBuildTime()) {
      // runtime values seen by the build would be recorded as the application's defaults
      return List.of();
    }
    return List.of(new PropertiesConfigSource(defaults(context::getValue), NAME, ORDINAL));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }

  /** The defaults for the configuration {@code config} holds without this source. */
  static Map<String, String> defaults(Function<String, ConfigValue> config) {
    boolean embedded =
        !isSet(config.apply("quarkus.datasource.jdbc.url"))
            && !"false".equalsIgnoreCase(value(config.apply("danvan.embedded-db.enabled")));
    boolean demoAccounts =
        embedded
            && !"false"
                .equalsIgnoreCase(value(config.apply("danvan.security.demo-accounts.enabled")));
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(OIDC_ENABLED, String.valueOf(!embedded));
    if (embedded) {
      defaults.put(CORS_ORIGINS, DEV_ORIGINS);
    }
    if (demoAccounts) {
      for (String host : List.of(HTTP_HOST, MANAGEMENT_HOST)) {
        if (!isSet(config.apply(host))) {
          defaults.put(host, LOOPBACK);
        }
      }
    }
    return defaults;
  }

  /**
   * Set by the user: a value from a real source, not one of Quarkus's own defaults (those live in
   * sources far below every user source, e.g. {@code quarkus.http.host=localhost} in dev mode).
   */
  private static boolean isSet(ConfigValue value) {
    return value != null
        && value.getValue() != null
        && !value.getValue().isBlank()
        && value.getConfigSourceOrdinal() >= ORDINAL;
  }

  private static String value(ConfigValue value) {
    return value == null || value.getValue() == null ? "" : value.getValue().trim();
  }

  /** The Quarkus build reads configuration through a deployment class loader. */
  private static boolean isBuildTime() {
    ClassLoader loader = RunModeConfigSourceFactory.class.getClassLoader();
    String name = loader == null ? "" : String.valueOf(loader.getName());
    return name.contains("Deployment") || name.contains("Augmentation");
  }
}
