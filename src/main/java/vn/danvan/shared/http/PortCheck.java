package vn.danvan.shared.http;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus opens its ports only after every startup observer, the demo data loaders included, has
 * run. A port held by another program would then fail the start after the whole load; this check
 * fails it first, naming the setting to change. Only the packaged application binds fixed ports
 * this way (dev mode keeps its server across reloads, tests use random ports).
 */
@ApplicationScoped
public class PortCheck {

  /** After the security checks, before the demo data (which starts at 100). */
  public static final int STARTUP_PRIORITY = 20;

  @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
  String httpHost;

  @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
  int httpPort;

  @ConfigProperty(name = "quarkus.management.host", defaultValue = "0.0.0.0")
  String managementHost;

  @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000")
  int managementPort;

  void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
    if (LaunchMode.current() != LaunchMode.NORMAL) {
      return;
    }
    requireFree(httpHost, httpPort, "QUARKUS_HTTP_PORT (quarkus.http.port)");
    requireFree(
        managementHost, managementPort, "QUARKUS_MANAGEMENT_PORT (quarkus.management.port)");
  }

  /** Fails unless {@code port} can be bound on {@code host}; port 0 means any free port. */
  static void requireFree(String host, int port, String setting) {
    if (port <= 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port "
              + port
              + " on "
              + host
              + " is not available ("
              + e.getMessage()
              + "): stop the program that uses it, or choose another port with "
              + setting
              + ".");
    }
  }
}
