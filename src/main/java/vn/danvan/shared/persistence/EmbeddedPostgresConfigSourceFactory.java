package vn.danvan.shared.persistence;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource of the embedded run mode: when no {@code quarkus.datasource.jdbc.url} is
 * configured, a real PostgreSQL server is started from Maven-delivered binaries and its URL is
 * offered to Quarkus. Nothing happens during the Quarkus build (augmentation reads configuration
 * too, and must not start a server or bake its URL into the application).
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

  static final String JDBC_URL = "quarkus.datasource.jdbc.url";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (isBuildTime() || isConfigured(context.getValue(JDBC_URL))) {
      return List.of();
    }
    ConfigValue enabled = context.getValue("danvan.embedded-db.enabled");
    if (isConfigured(enabled) && !Boolean.parseBoolean(enabled.getValue())) {
      return List.of();
    }
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(
            EmbeddedPostgresServer.Settings.from(context::getValue, context.getProfiles()));
    ConfigValue database = context.getValue("danvan.embedded-db.database");
    return List.of(
        new PropertiesConfigSource(
            Map.of(
                JDBC_URL,
                server.jdbcUrl(isConfigured(database) ? database.getValue() : "postgres"),
                "quarkus.datasource.username",
                EmbeddedPostgresServer.USER,
                "quarkus.datasource.password",
                EmbeddedPostgresServer.USER,
                "danvan.embedded-db.active",
                "true"),
            "danvan-embedded-postgres",
            // below environment variables and application.properties: explicit settings win
            150));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(100);
  }

  private static boolean isConfigured(ConfigValue value) {
    return value != null && value.getValue() != null && !value.getValue().isBlank();
  }

  /**
   * The Quarkus build runs the application's configuration through a deployment class loader; at
   * run time (jar, dev mode, tests) the factory is loaded by a runtime class loader.
   */
  private static boolean isBuildTime() {
    ClassLoader loader = EmbeddedPostgresConfigSourceFactory.class.getClassLoader();
    String name = loader == null ? "" : String.valueOf(loader.getName());
    return name.contains("Deployment") || name.contains("Augmentation");
  }
}
