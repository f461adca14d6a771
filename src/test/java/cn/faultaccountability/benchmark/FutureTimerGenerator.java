package cn.faultaccountability.benchmark;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.platform.Jurisdiction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Arrays;

/**
 * Fills ACT_RU_JOB with the timers of many open cases, in one SQL statement: each generated case waits in a stage of
 * the deployed fault-accountability process with that stage's two deadline timers (warning and overdue, the process's
 * {@code timer-transition} boundary timers with their real job definitions), tenant by tenant, due over the next
 * year. One case in a thousand has a due timer whose retries are exhausted (a dead letter the acquisition must
 * skip). The rows have no executions behind them: they are never due while the benchmark runs, and
 * {@link #remove} deletes them by their id prefix.
 */
final class FutureTimerGenerator {

  static final String ID_PREFIX = "bench-timer-";

  private FutureTimerGenerator() {}

  /** Inserts {@code count} timers due between six days and a year after {@code now}; returns the rows inserted. */
  static int generate(Connection connection, int count, long now) throws SQLException {
    if (count <= 0) {
      return 0;
    }
    String[] tenants = Arrays.stream(Jurisdiction.values()).map(Jurisdiction::tenantId).toArray(String[]::new);
    // ids as the engine's time-based UUIDs (camunda.bpm.id-generator strong) look: in creation order, so rows
    // arrive at the end of the id indexes as they do in production
    String sql = """
        insert into ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, ROOT_PROC_INST_ID_, PROCESS_INSTANCE_ID_,
          PROCESS_DEF_ID_, PROCESS_DEF_KEY_, RETRIES_, EXCEPTION_MSG_, FAILED_ACT_ID_, DUEDATE_, REPEAT_OFFSET_,
          HANDLER_TYPE_, HANDLER_CFG_, DEPLOYMENT_ID_, SUSPENSION_STATE_, JOB_DEF_ID_, PRIORITY_, SEQUENCE_COUNTER_,
          TENANT_ID_, CREATE_TIME_)
        with defs as (
          select d.ID_ as job_def, d.ACT_ID_ as act, d.PROC_DEF_ID_ as def, p.KEY_ as def_key,
            p.DEPLOYMENT_ID_ as deployment
          from ACT_RU_JOBDEF d join ACT_RE_PROCDEF p on p.ID_ = d.PROC_DEF_ID_
          where d.JOB_TYPE_ = 'timer-transition' and p.KEY_ = ?
            and p.VERSION_ = (select max(VERSION_) from ACT_RE_PROCDEF where KEY_ = ?)),
        stages as (
          select row_number() over (order by w.act) - 1 as n, w as warn, o as due
          from defs w join defs o on o.act = replace(w.act, 'Warning', 'Overdue') and o.def = w.def
          where w.act like '%Warning'),
        cases as (
          select i, lpad(to_hex(2 * i), 8, '0') || '-b0c1-11ef-9d2a-0242ac120002' as instance,
            lpad(to_hex(2 * i + 1), 8, '0') || '-b0c1-11ef-9d2a-0242ac120002' as execution,
            (?::text[])[1 + i % 4] as tenant,
            ?::timestamp + interval '6 days' + random() * interval '359 days' as due,
            ?::timestamp - random() * interval '180 days' as created
          from generate_series(0, (? + 1) / 2 - 1) as i),
        timers as (
          select c.*, t.k, case when t.k = 0 then (s.warn).job_def else (s.due).job_def end as job_def,
            case when t.k = 0 then (s.warn).act else (s.due).act end as act,
            (s.due).def as def, (s.due).def_key as def_key, (s.due).deployment as deployment,
            t.k = 1 and c.i % 1000 = 0 as dead
          from cases c cross join (values (0), (1)) as t(k)
            join stages s on s.n = c.i % (select count(*) from stages)
          where 2 * c.i + t.k < ?)
        select ? || lpad(to_hex(2 * t.i + t.k), 10, '0'), 1, 'timer', true, t.execution, t.instance, t.instance,
          t.def, t.def_key, case when t.dead then 0 else 3 end,
          case when t.dead then 'benchmark: retries exhausted' end,
          case when t.dead then t.act end,
          case when t.dead then t.created
               when t.k = 0 then t.due - interval '1 day' - random() * interval '4 days'
               else t.due end,
          0, 'timer-transition', t.act, t.deployment, 1, t.job_def, 0, 1, t.tenant, t.created
        from timers t
        order by 2 * t.i + t.k
        """;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      Timestamp base = new Timestamp(now);
      int p = 0;
      insert.setString(++p, ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY);
      insert.setString(++p, ProcessConstants.PROCESS_FAULT_ACCOUNTABILITY);
      insert.setArray(++p, connection.createArrayOf("text", tenants));
      insert.setTimestamp(++p, base);
      insert.setTimestamp(++p, base);
      insert.setInt(++p, count);
      insert.setInt(++p, count);
      insert.setString(++p, ID_PREFIX);
      int rows = insert.executeUpdate();
      if (rows != count) {
        throw new IllegalStateException("generated " + rows + " timers instead of " + count
            + " (are the fault-accountability process's timer job definitions deployed?)");
      }
    }
    analyze(connection);
    return count;
  }

  /** Deletes the generated timers; returns how many. */
  static int remove(Connection connection) throws SQLException {
    int rows;
    try (PreparedStatement delete = connection.prepareStatement("delete from ACT_RU_JOB where ID_ like ?")) {
      delete.setString(1, ID_PREFIX + "%");
      rows = delete.executeUpdate();
    }
    try (Statement sql = connection.createStatement()) {
      // the table and its indexes back to their size and statistics for the sections that follow
      sql.execute("vacuum analyze ACT_RU_JOB");
    }
    return rows;
  }

  /** Statistics as autovacuum would have them soon after the rows arrived in production. */
  static void analyze(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("analyze ACT_RU_JOB");
    }
  }
}
