package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A too-old Java gets one clear line instead of a silent exit. */
class MainTest {

  @Test
  void theEntryPointLoadsOnJava17() throws Exception {
    try (InputStream in = Main.class.getResourceAsStream("Main.class");
        DataInputStream data = new DataInputStream(in)) {
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort(); // minor
      assertThat(data.readUnsignedShort()).as("class file major version").isEqualTo(61);
    }
  }

  @Test
  void theMessageNamesTheVersionNeededAndTheOneRunning() {
    String line = Main.tooOld("17.0.15+6", "/usr/lib/jvm/java-17-openjdk-amd64");
    assertThat(line)
        .contains("needs Java 21 or newer")
        .contains("Java 17.0.15+6")
        .contains("/usr/lib/jvm/java-17-openjdk-amd64")
        .doesNotContain("\n");
  }
}
