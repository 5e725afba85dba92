package vn.danvan.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Report submissions arranged directly in the tables of V22 (until the submissions API is merged):
 * a draft, a SUBMIT freezing a version, and the collecting unit's RETURN or ACCEPT of the latest,
 * each keeping the table's invariants as the API does. Paths are the units' first versions'.
 */
final class SubmissionRows {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DataSource ds;

  SubmissionRows(DataSource ds) {
    this.ds = ds;
  }

  /** A draft of {@code unit} in the period of a regime, due on {@code due}. */
  UUID draft(String regime, String period, String unit, LocalDate due) {
    UUID id = UUID.randomUUID();
    update(
        "insert into report_submission (id, regime_id, period, org_unit_id, org_unit_path,"
            + " collecting_unit_id, collecting_unit_path, level, due_date, lock_date, template_id,"
            + " template_number, status, created_at, updated_at)"
            + " select ?, r.id, ?, ?, (select v.path from org_unit_version v where v.unit_id = ?"
            + " order by v.valid_from limit 1), r.collecting_unit_id, r.collecting_unit_path, 'COMMUNE', cast(? as date),"
            + " cast(? as date) + 30, r.template_id, r.template_number, 'DRAFT', now(), now()"
            + " from reporting_regime r where r.id = ?",
        id,
        period,
        UUID.fromString(unit),
        UUID.fromString(unit),
        due,
        due,
        UUID.fromString(regime));
    return id;
  }

  /**
   * Freezes the next version with {@code values} (code → value); late is decided the first time.
   */
  int submit(UUID submission, Map<String, Object> values, boolean late) {
    Map<String, Object> entries = new LinkedHashMap<>();
    values.forEach(
        (code, value) -> entries.put(code, value == null ? null : Map.of("value", value)));
    String json;
    try {
      json = MAPPER.writeValueAsString(entries);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Timestamp now = Timestamp.from(Instant.now());
    update(
        "insert into report_submission_version (id, submission_id, number, template_number, \"values\","
            + " narratives, submitted_at, submitted_by, late)"
            + " select ?, s.id, s.version_count + 1, s.template_number, cast(? as jsonb), '{}', ?, 'test',"
            + " coalesce(s.late, ?) from report_submission s where s.id = ?",
        UUID.randomUUID(),
        json,
        now,
        late,
        submission);
    update(
        "update report_submission set version_count = version_count + 1, status = 'SUBMITTED',"
            + " \"values\" = cast(? as jsonb), first_submitted_at = coalesce(first_submitted_at, ?),"
            + " submitted_at = ?, late = coalesce(late, ?), accepted_at = null, version = version + 1"
            + " where id = ?",
        json,
        now,
        now,
        late,
        submission);
    return number(submission);
  }

  /** The collecting unit accepts the latest version. */
  void accept(UUID submission) {
    decide(submission, "ACCEPTED");
    update(
        "update report_submission set status = 'ACCEPTED', accepted_at = now(), version = version + 1"
            + " where id = ?",
        submission);
  }

  /** The collecting unit returns the latest version. */
  void giveBack(UUID submission) {
    decide(submission, "RETURNED");
    update(
        "update report_submission set status = 'RETURNED', accepted_at = null,"
            + " return_comment = 'Bổ sung số liệu', version = version + 1 where id = ?",
        submission);
  }

  private void decide(UUID submission, String decision) {
    update(
        "update report_submission_version set decision = ?, decided_at = now()"
            + " where submission_id = ? and number = (select version_count from report_submission where id = ?)",
        decision,
        submission,
        submission);
  }

  private int number(UUID submission) {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement("select version_count from report_submission where id = ?")) {
      s.setObject(1, submission);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void update(String sql, Object... args) {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
