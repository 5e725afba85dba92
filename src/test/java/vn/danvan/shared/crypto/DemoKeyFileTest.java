package vn.danvan.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo keys stay inside the data directory the service owns, never in the folder around it; key
 * errors say the format and how to make a key.
 */
class DemoKeyFileTest {

  @TempDir Path shared;

  @Test
  void theKeyFileIsWrittenInsideTheDataDirectory() throws Exception {
    Path dataDir = shared.resolve("pg");
    PersonalDataCipher.Keys keys = PersonalDataCipher.demoKeys(dataDir);

    try (Stream<Path> around = Files.list(shared)) {
      assertThat(around).containsExactly(dataDir);
    }
    assertThat(PersonalDataCipher.demoKeyFile(dataDir)).exists().hasParent(dataDir);
    // the same keys on the next start
    assertThat(PersonalDataCipher.demoKeys(dataDir).hmacKey()).isEqualTo(keys.hmacKey());
  }

  @Test
  void keysOfAnEarlierVersionBesideTheDataDirectoryAreKept() throws Exception {
    Path dataDir = Files.createDirectories(shared.resolve("pg"));
    byte[] key = new byte[32];
    key[0] = 7;
    Properties old = new Properties();
    old.setProperty("key", Base64.getEncoder().encodeToString(key));
    old.setProperty("hmac", Base64.getEncoder().encodeToString(key));
    Path legacy = shared.resolve("personal-data-demo-keys.properties");
    try (var out = Files.newOutputStream(legacy)) {
      old.store(out, null);
    }

    PersonalDataCipher.Keys keys = PersonalDataCipher.demoKeys(dataDir);

    assertThat(keys.keys().get("demo")).isEqualTo(key);
    assertThat(PersonalDataCipher.demoKeyFile(dataDir)).exists();
    assertThat(legacy).as("another data directory of the folder may need it").exists();
  }

  @Test
  void externalModeWithoutKeysSaysTheFormat() throws Exception {
    PersonalDataCipher cipher = new PersonalDataCipher();
    cipher.keysConfig = Optional.empty();
    cipher.activeKeyConfig = Optional.empty();
    cipher.hmacKeyConfig = Optional.empty();
    cipher.embedded = false;
    assertThatThrownBy(cipher::keys)
        .hasMessageContaining("DANVAN_PERSONAL_DATA_KEYS=<id>:<base64 of 32 random bytes>")
        .hasMessageContaining("DANVAN_PERSONAL_DATA_HMAC_KEY")
        .hasMessageContaining("openssl rand -base64 32");
  }

  @Test
  void aShortKeySaysTheFormat() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    String hmac = Base64.getEncoder().encodeToString(new byte[32]);
    assertThatThrownBy(() -> PersonalDataCipher.parse("k1:" + shortKey, null, hmac))
        .hasMessageContaining("32 bytes")
        .hasMessageContaining("openssl rand -base64 32");
  }
}
