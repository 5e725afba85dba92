package vn.danvan.shared.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Copies of one data directory initialised once per test JVM: initdb is the slow part of starting a
 * server on a fresh directory, and these tests are about what happens on an existing one.
 */
final class InitialisedDataDirectory {

  private static Path template;

  private InitialisedDataDirectory() {}

  /** {@code target} (absent or empty) becomes a stopped, initialised data directory. */
  static synchronized Path copyTo(Path target) throws IOException {
    if (template == null) {
      Path parent = Files.createTempDirectory("danvan-pg-template-");
      Path dir = parent.resolve("pg");
      EmbeddedPostgresServer.open(dir, false, 0, false).close();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(parent)));
      template = dir;
    }
    try (Stream<Path> files = Files.walk(template)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(template.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
          // PostgreSQL refuses a data directory that others may read (0700 or 0750 only)
          Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(source));
        } else {
          Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory
    }
  }
}
