package vn.danvan.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches every write to the application's tables while a census script runs: row triggers note
 * each row written (its table, the operation, the record it belongs to) in the writing transaction,
 * so that only committed writes remain. {@link #unannounced} then lists the writes whose
 * transaction wrote no change-log entry for their record: a mutation the feed never tells.
 */
final class WriteCensus {

  /** Table → (column naming the record, entity type of the record in the change log). */
  static final Map<String, String[]> RECORDS = new LinkedHashMap<>();

  static {
    RECORDS.put("org_unit", new String[] {"id", "ORG_UNIT"});
    RECORDS.put("org_unit_version", new String[] {"unit_id", "ORG_UNIT"});
    RECORDS.put("org_unit_restructuring", new String[] {"id", "RESTRUCTURING"});
    RECORDS.put("directive", new String[] {"id", "DIRECTIVE"});
    RECORDS.put("directive_recipient", new String[] {"directive_id", "DIRECTIVE"});
    RECORDS.put("directive_obligation", new String[] {"id", "DIRECTIVE_OBLIGATION"});
    RECORDS.put("task", new String[] {"id", "TASK"});
    RECORDS.put("task_coordinator", new String[] {"task_id", "TASK"});
    RECORDS.put("task_lead_history", new String[] {"task_id", "TASK"});
    RECORDS.put("task_extension", new String[] {"id", "TASK_EXTENSION"});
    RECORDS.put("task_progress", new String[] {"id", "TASK_PROGRESS"});
    RECORDS.put("reception_session", new String[] {"id", "RECEPTION_SESSION"});
    RECORDS.put("reception_visit", new String[] {"id", "RECEPTION_VISIT"});
    RECORDS.put("reception_identity_hash", new String[] {"visit_id", "RECEPTION_VISIT"});
    RECORDS.put("reception_protected_identity", new String[] {"visit_id", "RECEPTION_VISIT"});
    RECORDS.put("reception_case", new String[] {"id", "RECEPTION_CASE"});
    RECORDS.put("report_template", new String[] {"id", "REPORT_TEMPLATE"});
    RECORDS.put("report_template_version", new String[] {"template_id", "REPORT_TEMPLATE"});
    RECORDS.put("reporting_regime", new String[] {"id", "REPORTING_REGIME"});
    RECORDS.put("report_submission", new String[] {"id", "REPORT_SUBMISSION"});
    RECORDS.put("report_submission_version", new String[] {"submission_id", "REPORT_SUBMISSION"});
    RECORDS.put("report_consolidation", new String[] {"id", "REPORT_CONSOLIDATION"});
    RECORDS.put("attachment", new String[] {"id", "ATTACHMENT"});
    RECORDS.put("dialogue", new String[] {"id", "DIALOGUE"});
    RECORDS.put("good_practice_model", new String[] {"id", "GOOD_PRACTICE_MODEL"});
    RECORDS.put("good_practice_model_unit", new String[] {"model_id", "GOOD_PRACTICE_MODEL"});
    RECORDS.put("attachment_content", new String[] {"attachment_id", "ATTACHMENT"});
  }

  /**
   * Tables that are not records: the trail and the feed themselves, replay records of retried
   * requests, the feed's identity. Every other table (derived ones included: task_due_date,
   * task_tally, counters, the tree revision) is watched at least by transaction.
   */
  static final Set<String> NOT_RECORDS =
      Set.of(
          "audit_event",
          "change_log",
          "change_feed_origin",
          "idempotency_record",
          "flyway_schema_history",
          "census_write");

  private final List<String> watched = new ArrayList<>();

  /** Creates the census table and a row trigger on every application table. */
  void install(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "create unlogged table if not exists census_write (txid xid8 not null, tbl text not null,"
              + " op text not null, entity_type text, entity_id uuid,"
              + " unique nulls not distinct (txid, tbl, op, entity_type, entity_id))");
      st.execute(
          """
          create or replace function census_note() returns trigger language plpgsql as $$
          declare
            r jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
          begin
            insert into census_write (txid, tbl, op, entity_type, entity_id)
            values (pg_current_xact_id(), tg_table_name, tg_op, nullif(tg_argv[1], ''),
                    case when tg_argv[0] = '' then null else cast(r ->> tg_argv[0] as uuid) end)
            on conflict do nothing;
            return null;
          end $$
          """);
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'"
                  + " and table_type = 'BASE TABLE' order by 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        if (NOT_RECORDS.contains(table)) {
          continue;
        }
        String[] record = RECORDS.getOrDefault(table, new String[] {"", ""});
        st.execute(
            "create trigger census_note after insert or update or delete on "
                + table
                + " for each row execute function census_note('"
                + record[0]
                + "', '"
                + record[1]
                + "')");
        watched.add(table);
      }
    }
  }

  /** The tables watched. */
  List<String> watched() {
    return watched;
  }

  /**
   * The committed writes whose transaction wrote no change-log entry of their record (or, for a
   * table that holds no record of its own, no entry at all), as "table op: count".
   */
  List<String> unannounced(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select w.tbl, w.op, count(*), min(cast(w.entity_id as text)) from census_write w"
                    + " where not exists (select 1 from change_log l where l.txid = w.txid"
                    + " and (w.entity_type is null or (l.entity_type = w.entity_type"
                    + " and l.entity_id = w.entity_id)))"
                    + " group by 1, 2 order by 1, 2")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + ": "
                + rs.getLong(3)
                + " (e.g. "
                + rs.getString(4)
                + ")");
      }
    }
    return out;
  }

  /** The writes noted, by table. */
  Map<String, Long> counts(Connection c) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("select tbl, count(*) from census_write group by 1 order by 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** Drops the triggers and the census table. */
  void uninstall(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String table : watched) {
        st.execute("drop trigger if exists census_note on " + table);
      }
      st.execute("drop function if exists census_note() cascade");
      st.execute("drop table if exists census_write");
    }
    watched.clear();
  }
}
