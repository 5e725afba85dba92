package vn.danvan.shared.crypto;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Encryption of personal data at rest (AES-256-GCM) and keyed hashes (HMAC-SHA-256) for exact
 * lookups. Every ciphertext names the key that sealed it, so keys can rotate: new data is sealed
 * with the active key, old data stays readable while its key is configured.
 *
 * <p>Keys come from configuration: {@code danvan.personal-data.keys} ({@code id:base64,…}, 32-byte
 * keys), {@code danvan.personal-data.active-key-id} (default: the last listed) and {@code
 * danvan.personal-data.hmac-key} (base64, ≥ 32 bytes). With the embedded database and no keys, demo
 * keys are generated (kept in the data directory so that data survives restarts); with an external
 * database the service refuses to start without them.
 */
@ApplicationScoped
public class PersonalDataCipher {

  private static final Logger LOG = Logger.getLogger(PersonalDataCipher.class);
  private static final byte FORMAT = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the key settings look like and how to make them, for every key error. */
  static final String KEY_FORMAT =
      "Set DANVAN_PERSONAL_DATA_KEYS=<id>:<base64 of 32 random bytes>[,<id>:<base64>…] (AES-256;"
          + " ids [A-Za-z0-9_-], keep old ones to read old rows) and DANVAN_PERSONAL_DATA_HMAC_KEY="
          + "<base64 of at least 32 random bytes>; DANVAN_PERSONAL_DATA_ACTIVE_KEY_ID defaults to the"
          + " last id. Generate each key with: openssl rand -base64 32";

  private static final String DEMO_KEY_FILE = "danvan-personal-data-demo-keys.properties";
  private static final String LEGACY_DEMO_KEY_FILE = "personal-data-demo-keys.properties";

  @ConfigProperty(name = "danvan.personal-data.keys")
  Optional<String> keysConfig;

  @ConfigProperty(name = "danvan.personal-data.active-key-id")
  Optional<String> activeKeyConfig;

  @ConfigProperty(name = "danvan.personal-data.hmac-key")
  Optional<String> hmacKeyConfig;

  @ConfigProperty(name = "danvan.embedded-db.active", defaultValue = "false")
  boolean embedded;

  @ConfigProperty(name = "danvan.embedded-db.ephemeral", defaultValue = "false")
  boolean ephemeral;

  @ConfigProperty(name = "danvan.embedded-db.data-dir", defaultValue = "data/postgres")
  String dataDir;

  /** The resolved key material. */
  public record Keys(Map<String, byte[]> keys, String activeKeyId, byte[] hmacKey) {}

  private volatile Keys keys;

  void onStart(@Observes StartupEvent event) {
    keys();
  }

  Keys keys() {
    Keys k = keys;
    if (k == null) {
      synchronized (this) {
        if (keys == null) {
          keys = resolve();
        }
        k = keys;
      }
    }
    return k;
  }

  private Keys resolve() {
    if (keysConfig.isPresent() || hmacKeyConfig.isPresent()) {
      return parse(keysConfig.orElse(""), activeKeyConfig.orElse(null), hmacKeyConfig.orElse(""));
    }
    if (!embedded) {
      throw new IllegalStateException(
          "Personal data needs encryption keys with an external database. " + KEY_FORMAT);
    }
    return ephemeral ? generate() : demoKeys(Path.of(dataDir).toAbsolutePath());
  }

  /** Parses configured keys; refuses anything short of a usable AES-256 and HMAC key. */
  public static Keys parse(String keyList, String activeKeyId, String hmacKey) {
    Map<String, byte[]> map = new LinkedHashMap<>();
    String last = null;
    for (String entry : keyList.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon < 1) {
        throw new IllegalStateException(
            "danvan.personal-data.keys: expected id:base64 entries. " + KEY_FORMAT);
      }
      String id = entry.substring(0, colon).trim();
      if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
        throw new IllegalStateException(
            "danvan.personal-data.keys: key ids are [A-Za-z0-9_-]{1,32}");
      }
      byte[] key = decode(entry.substring(colon + 1).trim(), "danvan.personal-data.keys");
      if (key.length != 32) {
        throw new IllegalStateException(
            "danvan.personal-data.keys: keys must be 32 bytes. " + KEY_FORMAT);
      }
      map.put(id, key);
      last = id;
    }
    if (map.isEmpty()) {
      throw new IllegalStateException("danvan.personal-data.keys: no key configured");
    }
    String active = activeKeyId == null || activeKeyId.isBlank() ? last : activeKeyId.trim();
    if (!map.containsKey(active)) {
      throw new IllegalStateException("danvan.personal-data.active-key-id names no configured key");
    }
    byte[] hmac = decode(hmacKey, "danvan.personal-data.hmac-key");
    if (hmac.length < 32) {
      throw new IllegalStateException(
          "danvan.personal-data.hmac-key must be at least 32 bytes. " + KEY_FORMAT);
    }
    return new Keys(map, active, hmac);
  }

  private static byte[] decode(String base64, String property) {
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is not base64. " + KEY_FORMAT);
    }
  }

  private static Keys generate() {
    return new Keys(Map.of("demo", random(32)), "demo", random(32));
  }

  /** The demo-key file of an embedded data directory: inside it, with the data it opens. */
  static Path demoKeyFile(Path dataDirectory) {
    return dataDirectory.resolve(DEMO_KEY_FILE);
  }

  /**
   * Demo keys of a persistent embedded database, kept in a file inside its data directory (the one
   * directory the service owns; PostgreSQL ignores the file). Earlier versions wrote it beside the
   * data directory, in a folder that may be shared: a file found there is copied in, not moved,
   * since another data directory of the same folder may still need it.
   */
  static Keys demoKeys(Path dataDirectory) {
    Path file = demoKeyFile(dataDirectory);
    Path legacy = dataDirectory.resolveSibling(LEGACY_DEMO_KEY_FILE);
    try {
      Properties p = new Properties();
      if (!Files.exists(file) && Files.exists(legacy)) {
        Files.createDirectories(dataDirectory);
        Files.copy(legacy, file);
        restrict(file);
        LOG.infof(
            "Demo keys for personal data copied into the data directory from %s (no longer used)",
            legacy);
      }
      if (Files.exists(file)) {
        try (var in = Files.newInputStream(file)) {
          p.load(in);
        }
      } else {
        Files.createDirectories(file.getParent());
        p.setProperty("key", Base64.getEncoder().encodeToString(random(32)));
        p.setProperty("hmac", Base64.getEncoder().encodeToString(random(32)));
        try (var out = Files.newOutputStream(file)) {
          p.store(out, "Demo keys of the embedded database (not for real data)");
        }
        restrict(file);
        LOG.info("Generated demo keys for personal data of the embedded database");
      }
      return parse("demo:" + p.getProperty("key"), "demo", p.getProperty("hmac"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or write the demo personal-data keys", e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's own protection applies
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /**
   * Seals {@code plaintext}; {@code context} (e.g. the row id and purpose) is bound as associated
   * data, so a ciphertext copied to another row does not open.
   */
  public byte[] encrypt(String plaintext, String context) {
    Keys k = keys();
    byte[] id = k.activeKeyId().getBytes(StandardCharsets.US_ASCII);
    byte[] iv = random(IV_BYTES);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(k.keys().get(k.activeKeyId()), "AES"),
          new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(2 + id.length + IV_BYTES + sealed.length)
          .put(FORMAT)
          .put((byte) id.length)
          .put(id)
          .put(iv)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(byte[] data, String context) {
    Keys k = keys();
    ByteBuffer b = ByteBuffer.wrap(data);
    if (b.get() != FORMAT) {
      throw new IllegalStateException("Unknown ciphertext format");
    }
    byte[] id = new byte[b.get()];
    b.get(id);
    byte[] key = k.keys().get(new String(id, StandardCharsets.US_ASCII));
    if (key == null) {
      throw new IllegalStateException("Ciphertext sealed with a key that is not configured");
    }
    byte[] iv = new byte[IV_BYTES];
    b.get(iv);
    byte[] sealed = new byte[b.remaining()];
    b.get(sealed);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(sealed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed");
    }
  }

  /** The key id a ciphertext was sealed with (for re-encryption after a rotation). */
  public static String keyIdOf(byte[] data) {
    return new String(data, 2, data[1], StandardCharsets.US_ASCII);
  }

  /** A keyed hash for exact lookups of an already normalized value. */
  public byte[] hmac(String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys().hmacKey(), "HmacSHA256"));
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC failed", e);
    }
  }

  /** For tests and tools: a cipher over given keys. */
  public static PersonalDataCipher of(Keys keys) {
    PersonalDataCipher c = new PersonalDataCipher();
    c.keys = keys;
    return c;
  }
}
