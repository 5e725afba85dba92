package vn.danvan.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The benchmarks' tasks on the national tree: tops the task table up to {@code total} rows led by
 * the current communes, by SQL through the schema's triggers, in statements of 100,000 (60 % done
 * on time or late by {@code today}, 5 % cancelled, the rest open; due 2024 – 2027). Shared by
 * AgendaBenchmark, ObligationNoticesBenchmark and TaskListBenchmark.
 */
public final class NationalTasks {

  private static final int CHUNK = 100_000;

  private NationalTasks() {}

  /**
   * Generates the missing tasks; with {@code coordinators}, one task in 20 gets a coordinating
   * commune (another one). Returns the number of tasks then stored.
   */
  public static long generate(DataSource dataSource, int total, String today, boolean coordinators)
      throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      long have = count(s, "select count(*) from task");
      s.execute(
          "create temp table bench_unit as select (row_number() over (order by v.unit_id)) - 1"
              + " as rn, v.unit_id, v.path from org_unit_version v join org_unit u on u.id ="
              + " v.unit_id where v.kind = 'COMMUNE' and v.valid_to is null and u.valid_to is null");
      long units = count(s, "select count(*) from bench_unit");
      for (long from = have; from < total; from += CHUNK) {
        long to = Math.min(total, from + CHUNK) - 1;
        s.execute(
            "insert into task (id, title, description, lead_unit_id, lead_unit_path,"
                + " responsible_person, expected_result, assigned_on, due_date, original_due_date,"
                + " priority, status, completed_on, cancel_reason, created_at, updated_at)"
                + " select gen_random_uuid(), 'Nhiệm vụ dân vận ' || g,"
                + " 'Triển khai công tác dân vận của chính quyền', u.unit_id, u.path,"
                + " 'Chủ tịch UBND', 'Báo cáo kết quả', x.d - 30, x.d, x.d, 'NORMAL',"
                + " case when g % 20 < 12 then 'DONE' when g % 20 = 12 then 'CANCELLED'"
                + "  when g % 20 < 16 then 'IN_PROGRESS' else 'NEW' end,"
                + " case when g % 20 < 12 then least(x.d - 5 + cast(g % 11 as int), date '"
                + today
                + "') end,"
                + " case when g % 20 = 12 then 'Thôi thực hiện' end, now(), now()"
                + " from generate_series(cast("
                + from
                + " as bigint), "
                + to
                + ") g cross join lateral (select date '2024-01-01' + (g * 7919 % 1461)::int as d) x"
                + " join bench_unit u on u.rn = g % "
                + units);
      }
      if (coordinators) {
        s.execute(
            "insert into task_coordinator (task_id, unit_id, unit_path)"
                + " select t.id, u.unit_id, u.path from (select id, row_number() over () as rn"
                + " from task where random() < 0.05) t join bench_unit u on u.rn = t.rn * 7 % "
                + units
                + " on conflict do nothing");
        s.execute("analyze task_coordinator");
      }
      s.execute("drop table bench_unit");
      s.execute("analyze task");
      s.execute("analyze task_tally");
      return count(s, "select count(*) from task");
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
