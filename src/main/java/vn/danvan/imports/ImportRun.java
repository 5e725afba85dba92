package vn.danvan.imports;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import vn.danvan.shared.sync.ImportTarget;

/**
 * What a running import needs besides its stored job: the target, the spool file and the language
 * its error details are written in (the caller's at the time of the request).
 */
record ImportRun(
    UUID id,
    ImportTarget<?> target,
    ImportMode mode,
    boolean dryRun,
    Path spool,
    int total,
    int invalid,
    Locale locale) {}
