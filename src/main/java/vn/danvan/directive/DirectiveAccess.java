package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;

/**
 * What the caller may do with a document. Reading follows the one rule of {@link
 * DirectiveRepository#readable(String, String)}: issued documents (and their later states) are
 * official documents of the administration and readable by every role; drafts only within the scope
 * of the issuing unit; records of outside bodies by everyone. Secret documents (any secrecy but
 * NONE) are need-to-know: readable only within the scope of the issuing unit or of a recipient
 * unit, and by admins, whose reads are audited; to everyone else they do not exist, except as
 * undisclosed nodes of a cascade. Writing needs the issuing unit in the caller's scope; records of
 * outside bodies are written by admins only.
 */
@ApplicationScoped
class DirectiveAccess {

  private static final String ENTITY_LABEL = "entity.DIRECTIVE";

  @Inject DirectiveRepository repo;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;

  /** The roots of the caller's scope for the rule's {@code :roots}; null when unrestricted. */
  String roots() {
    return scope.restriction().isPresent() ? scope.roots() : null;
  }

  /** The document, when it exists and the caller may read it. */
  Optional<Directive> find(UUID id) {
    Directive d = repo.find(id);
    if (d == null || !repo.readable(id, roots())) {
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /** The document, or 404 when missing or not readable by the caller. */
  Directive require(UUID id) {
    return find(id).orElseThrow(() -> ApiException.notFound(ENTITY_LABEL));
  }

  /** Readable is not writable: an issued document of another province answers 403. */
  void requireWritable(Directive d) {
    boolean allowed = d.issuingUnitId == null ? user.isAdmin() : scope.contains(d.issuingUnitId);
    if (!allowed) {
      throw ApiException.forbidden();
    }
  }

  /**
   * An admin reads secret documents by its role, not by need-to-know: each such read is recorded
   * (readers in scope of the issuing unit or of a recipient are not).
   */
  void auditSecretRead(Directive d, String action) {
    if (d.secrecy != Secrecy.NONE && user.isAdmin()) {
      audit.accessed(action, DirectiveService.ENTITY, d.id, d.issuingUnitId, null);
    }
  }
}
