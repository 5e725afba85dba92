package vn.danvan.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A port held by another program fails the start with the setting to change. */
class PortCheckTest {

  @Test
  void aTakenPortIsRefusedNamingTheSetting() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = other.getLocalPort();
      assertThatThrownBy(() -> PortCheck.requireFree("127.0.0.1", port, "QUARKUS_HTTP_PORT"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Port " + port)
          .hasMessageContaining("QUARKUS_HTTP_PORT");
      // a server on one interface also blocks the wildcard address
      assertThatThrownBy(() -> PortCheck.requireFree("0.0.0.0", port, "QUARKUS_HTTP_PORT"))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aFreePortPassesAndStaysFree() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    PortCheck.requireFree("127.0.0.1", port, "QUARKUS_HTTP_PORT");
    PortCheck.requireFree("127.0.0.1", port, "QUARKUS_HTTP_PORT");
    PortCheck.requireFree("127.0.0.1", 0, "QUARKUS_HTTP_PORT");
  }

  @Test
  void theCheckRunsBeforeTheDemoData() throws Exception {
    Method demoData =
        Class.forName("vn.danvan.demo.DemoData")
            .getDeclaredMethod("onStart", io.quarkus.runtime.StartupEvent.class);
    int demoPriority =
        demoData.getParameters()[0].getAnnotation(jakarta.annotation.Priority.class).value();
    assertThat(PortCheck.STARTUP_PRIORITY).isLessThan(demoPriority);
    assertThat(vn.danvan.shared.security.SecurityMode.STARTUP_PRIORITY).isLessThan(demoPriority);
  }
}
