package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.crypto.PersonalDataCipher;

/** AES-GCM with key ids (rotation), context binding, HMAC, the masks. */
class PersonalDataCipherTest {

  static String key(int fill) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) fill);
    return Base64.getEncoder().encodeToString(k);
  }

  @Test
  void rotationKeepsOldCiphertextReadable() {
    PersonalDataCipher old =
        PersonalDataCipher.of(PersonalDataCipher.parse("k1:" + key(1), null, key(9)));
    byte[] sealed = old.encrypt("Nguyễn Văn An", "ctx");
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Nguy");
    PersonalDataCipher rotated =
        PersonalDataCipher.of(
            PersonalDataCipher.parse("k1:" + key(1) + ",k2:" + key(2), "k2", key(9)));
    assertThat(rotated.decrypt(sealed, "ctx")).isEqualTo("Nguyễn Văn An");
    assertThat(PersonalDataCipher.keyIdOf(rotated.encrypt("x", "ctx"))).isEqualTo("k2");
    assertThat(PersonalDataCipher.keyIdOf(sealed)).isEqualTo("k1");
    // bound to its row: the same bytes do not open elsewhere
    assertThatThrownBy(() -> rotated.decrypt(sealed, "other"))
        .isInstanceOf(IllegalStateException.class);
    // the same ID always hashes the same under one key, differently under another
    assertThat(old.hmac("p", "079099001234")).isEqualTo(rotated.hmac("p", "079099001234"));
    PersonalDataCipher otherHmac =
        PersonalDataCipher.of(PersonalDataCipher.parse("k1:" + key(1), null, key(8)));
    assertThat(otherHmac.hmac("p", "079099001234")).isNotEqualTo(old.hmac("p", "079099001234"));
  }

  @Test
  void badKeysAreRefused() {
    assertThatThrownBy(() -> PersonalDataCipher.parse("", null, key(9)))
        .hasMessageContaining("no key");
    assertThatThrownBy(() -> PersonalDataCipher.parse("k1:AAAA", null, key(9)))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> PersonalDataCipher.parse("k1:" + key(1), "k3", key(9)))
        .hasMessageContaining("active");
    assertThatThrownBy(() -> PersonalDataCipher.parse("k1:" + key(1), null, "AAAA"))
        .hasMessageContaining("hmac");
  }

  @Test
  void masks() {
    assertThat(PersonalData.maskName("Nguyễn Văn An")).isEqualTo("Nguyễn V*** A**");
    assertThat(PersonalData.maskKeep("001234567890", 4)).isEqualTo("0012********");
    assertThat(PersonalData.maskAddress("12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh"))
        .isEqualTo("***, Phường Bến Thành, TP Hồ Chí Minh");
  }
}
