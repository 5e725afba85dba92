package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.StartupEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.crypto.PersonalDataCipher;

/** With an external database and no keys the service refuses to start. */
class ExternalModeKeysTest {

  @Test
  void externalModeWithoutKeysRefusesToStart() throws Exception {
    PersonalDataCipher cipher = new PersonalDataCipher();
    set(cipher, "keysConfig", Optional.empty());
    set(cipher, "activeKeyConfig", Optional.empty());
    set(cipher, "hmacKeyConfig", Optional.empty());
    set(cipher, "embedded", false);
    java.lang.reflect.Method start =
        PersonalDataCipher.class.getDeclaredMethod("onStart", StartupEvent.class);
    start.setAccessible(true);
    assertThatThrownBy(() -> start.invoke(cipher, (Object) null))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause()
        .hasMessageContaining("external database");
  }

  private static void set(Object o, String field, Object value) throws Exception {
    java.lang.reflect.Field f = PersonalDataCipher.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(o, value);
  }
}
