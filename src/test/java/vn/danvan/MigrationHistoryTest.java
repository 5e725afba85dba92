package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway owns the schema, and a database already migrated must keep migrating: a merged migration
 * is never edited (Flyway would refuse the changed checksum at start) and a new one never takes a
 * version below a merged one (Flyway would refuse it as out of order). The merged ones are listed
 * in {@code merged-migrations.txt} with their SHA-256.
 */
class MigrationHistoryTest {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Pattern NAME = Pattern.compile("V([0-9]+(?:_[0-9]+)*)__[a-z0-9_]+\\.sql");

  private static Map<String, String> merged() throws IOException {
    Map<String, String> merged = new LinkedHashMap<>();
    try (var in = MigrationHistoryTest.class.getResourceAsStream("/merged-migrations.txt")) {
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split(" ");
          merged.put(parts[0], parts[1]);
        }
      }
    }
    return merged;
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(MIGRATIONS)) {
      return s.sorted().toList();
    }
  }

  private static BigDecimal version(String file) {
    Matcher m = NAME.matcher(file);
    assertThat(m.matches()).as("%s is named V<version>__<snake_case>.sql", file).isTrue();
    String[] parts = m.group(1).split("_", 2);
    return new BigDecimal(parts[0] + (parts.length > 1 ? "." + parts[1].replace("_", "") : ""));
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void mergedMigrationsAreNeverEditedNorRemoved() throws Exception {
    Map<String, String> merged = merged();
    for (Map.Entry<String, String> e : merged.entrySet()) {
      Path file = MIGRATIONS.resolve(e.getKey());
      assertThat(file).as("merged migration %s is still there", e.getKey()).exists();
      assertThat(sha256(file))
          .as("%s was merged and must not change: write a new migration instead", e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void aNewMigrationHasAVersionAboveEveryMergedOne() throws Exception {
    Map<String, String> merged = merged();
    BigDecimal highest =
        merged.keySet().stream()
            .map(MigrationHistoryTest::version)
            .max(BigDecimal::compareTo)
            .orElseThrow();
    List<String> seen = new java.util.ArrayList<>();
    for (Path file : files()) {
      String name = file.getFileName().toString();
      BigDecimal v = version(name);
      assertThat(seen).as("versions are unique").doesNotContain(v.toPlainString());
      seen.add(v.toPlainString());
      if (!merged.containsKey(name)) {
        assertThat(v)
            .as("%s is new: its version must be above %s, the highest merged one", name, highest)
            .isGreaterThan(highest);
      }
    }
  }
}
