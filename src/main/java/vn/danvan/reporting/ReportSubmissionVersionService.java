package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.danvan.shared.error.ApiException;

/**
 * The frozen versions of a report, readable by whoever reads the report, and the difference between
 * two of them.
 */
@ApplicationScoped
public class ReportSubmissionVersionService {

  static final String VERSION_LABEL = "entity.REPORT_SUBMISSION_VERSION";

  @Inject ReportSubmissionRepository repo;
  @Inject ReportSubmissionAccess access;
  @Inject ReportSubmissionViews views;

  /** The versions of the report, newest first, without their content. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReportSubmissionVersionResponse> versions(UUID id) {
    ReportSubmission s = access.visible(id);
    return repo.versions(s.id).stream().map(v -> views.version(v, null)).toList();
  }

  /** Version {@code number} with its values (every indicator of its template) and texts. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportSubmissionVersionResponse version(UUID id, int number) {
    ReportSubmission s = access.visible(id);
    return views.version(require(s, number, "/path/number"), views.rules(s));
  }

  /**
   * What changed from version {@code from} (0: nothing; by default the one before) to version
   * {@code to}: the indicators whose entered value differs and the sections whose text differs.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportSubmissionDiffResponse diff(UUID id, int to, Integer from) {
    ReportSubmission s = access.visible(id);
    ReportSubmissionVersion after = require(s, to, "/path/number");
    int base = from == null ? to - 1 : from;
    if (base < 0) {
      throw ApiException.invalid("/query/from", "field.NUMBER_RANGE", "0", String.valueOf(to));
    }
    ReportSubmissionVersion before = base == 0 ? null : require(s, base, "/query/from");
    ReportSubmissionRules rules = views.rules(s);
    Map<String, SubmissionValue> oldValues = before == null ? Map.of() : before.values;
    Map<String, String> oldTexts = before == null ? Map.of() : before.narratives;
    List<ReportSubmissionDiffResponse.ValueChange> values = new ArrayList<>();
    for (TemplateIndicator i : rules.indicators()) {
      JsonNode a = entered(oldValues.get(i.code()));
      JsonNode b = entered(after.values.get(i.code()));
      if (SubmissionValue.differ(a, b)) {
        values.add(new ReportSubmissionDiffResponse.ValueChange(i.code(), a, b));
      }
    }
    List<ReportSubmissionDiffResponse.NarrativeChange> texts = new ArrayList<>();
    for (String code : rules.narrativeSections()) {
      String a = oldTexts.get(code);
      String b = after.narratives.get(code);
      if (!Objects.equals(a, b)) {
        texts.add(new ReportSubmissionDiffResponse.NarrativeChange(code, a, b));
      }
    }
    return new ReportSubmissionDiffResponse(s.id, base, to, values, texts);
  }

  private ReportSubmissionVersion require(ReportSubmission s, int number, String pointer) {
    ReportSubmissionVersion v = number < 1 ? null : repo.version(s.id, number);
    if (v == null) {
      if (pointer.startsWith("/query")) {
        throw ApiException.invalid(
            pointer, "field.NUMBER_RANGE", "0", String.valueOf(s.versionCount));
      }
      throw ApiException.notFound(VERSION_LABEL);
    }
    return v;
  }

  private static JsonNode entered(SubmissionValue v) {
    return v == null ? null : v.entered();
  }
}
