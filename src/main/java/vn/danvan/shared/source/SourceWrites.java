package vn.danvan.shared.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.Problem;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.security.CurrentUser;

/**
 * The rules every upsert shares (DESIGN §9), for each feature's {@code PUT /{id}} and {@code PUT
 * /by-source/{sourceSystem}/{sourceId}}:
 *
 * <ul>
 *   <li>Ownership: a record with a source key is changed (replaced, transitioned, deleted) only by
 *       that system's integration client or an admin; others get 409 {@code OWNED_BY_SOURCE}. A
 *       caller may give a new record a source key only of its own system (admins: any).
 *   <li>Source order: a push whose {@code sourceVersion} is older than the stored one is refused
 *       with 409 {@code SOURCE_VERSION_CONFLICT}, the stored versions in the problem; the same
 *       version with the same content is an idempotent retry (unchanged).
 *   <li>Preconditions: {@code If-None-Match: *} on an existing record: 412 {@code ALREADY_EXISTS};
 *       {@code If-Match} on a missing record: 404, as outside the caller's scope; a replace needs
 *       If-Match unless it changes nothing (a retry) or it is ordered by a newer {@code
 *       sourceVersion} (428 otherwise).
 * </ul>
 */
@ApplicationScoped
public class SourceWrites {

  @Inject CurrentUser user;

  /**
   * Checks a create by upsert and returns the provenance the new record gets: {@code incoming}
   * (possibly {@link Provenance#NONE}), once the caller is allowed to claim its system. {@code
   * If-Match} names a version of a record that does not exist: 404 with {@code entity} (the
   * catalogue key of the record's kind), exactly the answer to a record outside the caller's scope,
   * so that the two cannot be told apart.
   */
  public Provenance create(Preconditions pre, Provenance incoming, String entity) {
    if (pre.ifMatch() != null) {
      throw ApiException.notFound(entity);
    }
    return claim(incoming);
  }

  /**
   * The provenance a record created or claimed by the caller gets (POST or PUT): 403 {@code
   * SOURCE_SYSTEM_NOT_YOURS} when the caller names a system it does not speak for.
   */
  public Provenance claim(Provenance incoming) {
    if (incoming == null || !incoming.owned()) {
      return incoming == null ? Provenance.NONE : incoming;
    }
    if (!user.isAdmin()
        && !user.sourceSystem().map(incoming.sourceSystem()::equals).orElse(false)) {
      throw new ApiException(403, "SOURCE_SYSTEM_NOT_YOURS", incoming.sourceSystem());
    }
    return incoming;
  }

  /**
   * 409 {@code OWNED_BY_SOURCE} unless the caller may change a record of this provenance: for every
   * mutation of an existing record (replace, transition, delete, sub-resources).
   */
  public void requireOwner(Provenance current, long currentVersion) {
    if (current == null || !current.owned() || user.isAdmin()) {
      return;
    }
    if (!user.sourceSystem().map(current.sourceSystem()::equals).orElse(false)) {
      throw new ApiException(409, "OWNED_BY_SOURCE", current.sourceSystem())
          .withCurrent(
              new Problem.Current(currentVersion, current.sourceSystem(), current.sourceVersion()));
    }
  }

  /**
   * Decides a replace by upsert of an existing record at {@code currentVersion} with provenance
   * {@code current}: {@code sameContent} says whether the request equals the stored record (the
   * feature compares its own request form). Returns {@link UpsertOutcome#UNCHANGED} (answer the
   * stored record, write nothing) or {@link UpsertOutcome#UPDATED} (write, with the provenance of
   * {@link #merged}); throws 409/412/428 as described on the class.
   */
  public UpsertOutcome replace(
      long currentVersion,
      Provenance current,
      Preconditions pre,
      Provenance incoming,
      boolean sameContent) {
    Provenance stored = current == null ? Provenance.NONE : current;
    Provenance in = incoming == null ? Provenance.NONE : incoming;
    requireOwner(stored, currentVersion);
    if (pre.createOnly()) {
      throw new ApiException(412, "ALREADY_EXISTS")
          .withCurrent(
              new Problem.Current(currentVersion, stored.sourceSystem(), stored.sourceVersion()));
    }
    if (in.owned() && stored.owned() && !in.key().equals(stored.key())) {
      throw new ApiException(409, "SOURCE_KEY_CHANGED")
          .withCurrent(
              new Problem.Current(currentVersion, stored.sourceSystem(), stored.sourceVersion()));
    }
    if (in.owned() && !stored.owned()) {
      claim(in);
    }
    if (in.sourceVersion() != null && stored.sourceVersion() != null) {
      int order = Long.compare(in.sourceVersion(), stored.sourceVersion());
      if (order < 0 || (order == 0 && !sameContent)) {
        throw new ApiException(409, "SOURCE_VERSION_CONFLICT", stored.sourceVersion())
            .withCurrent(
                new Problem.Current(currentVersion, stored.sourceSystem(), stored.sourceVersion()));
      }
    }
    boolean sameProvenance =
        in.sourceVersion() == null
            || Objects.equals(in.sourceVersion(), stored.sourceVersion())
                && (in.sourceUpdatedAt() == null
                    || stored.sourceUpdatedAt() != null
                        && in.sourceUpdatedAt().isEqual(stored.sourceUpdatedAt()));
    if (sameContent && sameProvenance) {
      return UpsertOutcome.UNCHANGED;
    }
    if (pre.ifMatch() != null) {
      ETags.check(pre.ifMatch(), currentVersion);
    } else if (!pre.unconditional() && (in.sourceVersion() == null || !stored.owned())) {
      // without If-Match only a push ordered by the owner's newer sourceVersion replaces
      throw new ApiException(428, "PRECONDITION_REQUIRED");
    }
    return UpsertOutcome.UPDATED;
  }

  /**
   * The provenance stored after a replace: the stored key (a key is never changed, only given to a
   * record that had none), the incoming source version and time when given, else the stored ones.
   */
  public static Provenance merged(Provenance current, Provenance incoming) {
    Provenance stored = current == null ? Provenance.NONE : current;
    Provenance in = incoming == null ? Provenance.NONE : incoming;
    String system = stored.owned() ? stored.sourceSystem() : in.sourceSystem();
    String id = stored.owned() ? stored.sourceId() : in.sourceId();
    if (system == null) {
      return Provenance.NONE;
    }
    return new Provenance(
        system,
        id,
        in.sourceVersion() != null ? in.sourceVersion() : stored.sourceVersion(),
        in.sourceUpdatedAt() != null ? in.sourceUpdatedAt() : stored.sourceUpdatedAt());
  }
}
