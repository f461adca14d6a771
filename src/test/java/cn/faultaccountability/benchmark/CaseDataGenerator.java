package cn.faultaccountability.benchmark;

import cn.faultaccountability.dashboard.DashboardRollups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Many cases of realistic shape for the query latencies (issue 9 (c)): a few real template cases per tenant are driven
 * through the deployed process by the role users ({@link WholeCaseDriver}) — to closure, or until a chosen user task is
 * open — and then copied by SQL ({@code insert … select … join} a clone plan of {@code generate_series}) with every row
 * the case has: engine runtime rows (executions, tasks, identity links, variables, jobs, event subscriptions, the
 * authorizations the engine made per task), their byte arrays, every history table, and our fa_* tables.
 *
 * <p>Ids: every engine id that belongs to a template case (the ids of its rows and its activity instance ids) becomes the
 * clone's id ({@link #remapped}) wherever it appears, so references inside a clone stay consistent and nothing points
 * into the template; ids that do not belong to the case (definitions, deployments, job definitions, users, groups)
 * stay. fa_* ids are bigints: a clone's row id is the template's id plus {@code n} times the table's id range, and
 * foreign keys and the {@code caseId} process variable follow. Business keys are new numbers of the tenant's sequence
 * (which is moved past them, so intake keeps working). Dates of closed clones lie up to two years back (open ones up
 * to 90 days), so the dashboard's periods see a spread; timer due dates are not moved (none may fall due now).
 */
final class CaseDataGenerator {

  /** A stage a template case is driven to: the user task it waits at, or closed (null). */
  record Stop(String taskKey, int percent) {}

  /** The mix of generated cases: half closed, the rest waiting at user tasks along the procedure. */
  static final List<Stop> MIX = List.of(new Stop(null, 50), new Stop("PreliminaryCheck", 10),
      new Stop("ApproveFiling", 5), new Stop("Investigate", 15), new Stop("ServeDecision", 10),
      new Stop("ExecuteDecision", 10));

  /** A template case: where it stands and what the clones of it copy. */
  record Template(String tenant, Stop stop, String businessKey, String processInstanceId, long caseId) {}

  /** What was generated: the template cases and, per table, how many rows were inserted. */
  record Generated(List<Template> templates, int cases, Map<String, Long> rowsPerTable, double seconds) {}

  /** The first digit of a clone id's node part ({@link #remapped}); never that of the engine's own ids (checked). */
  static final String CLONE_NODE = "b";
  /** Columns that hold byte-array ids (variables' values, job exception stacks, ...). */
  private static final List<String> BYTEARRAY_COLUMNS = List.of("bytearray_id_", "byte_array_id_",
      "exception_stack_id_", "error_details_id_", "content_id_");
  private static final List<String> NOT_MOVED = List.of("act_ru_job.duedate_", "act_ru_job.lock_exp_time_");

  private CaseDataGenerator() {}

  /**
   * Drives the templates (one per tenant and stop of {@link #MIX}) and clones them until {@code cases} cases exist,
   * spread evenly over the tenants and in the proportions of {@link #MIX}.
   */
  static Generated generate(BenchmarkRun run, int cases) throws Exception {
    long started = System.nanoTime();
    WholeCaseDriver driver = new WholeCaseDriver(run.application(), run.commands());
    List<Template> templates = new ArrayList<>();
    int index = 0;
    try (Connection db = run.connection()) {
      for (Stop stop : MIX) {
        for (int t = 0; t < WholeCaseDriver.TENANTS.size(); t++) {
          WholeCaseDriver.CaseOutcome outcome = driver.driveTo(index++, stop.taskKey());
          templates.add(new Template(outcome.tenant(), stop, outcome.businessKey(), outcome.processInstanceId(),
              caseId(db, outcome.businessKey())));
        }
      }
      Map<String, Long> rows = cloneTemplates(db, templates, Math.max(0, cases - templates.size()));
      return new Generated(templates, Math.max(cases, templates.size()), rows, (System.nanoTime() - started) / 1e9);
    }
  }

  private static long caseId(Connection db, String businessKey) throws SQLException {
    try (PreparedStatement select = db.prepareStatement("select id from fa_case where business_key = ?")) {
      select.setString(1, businessKey);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no fa_case for template " + businessKey);
        }
        return rs.getLong(1);
      }
    }
  }

  static Map<String, Long> cloneTemplates(Connection db, List<Template> templates, int clones) throws SQLException {
    Map<String, Long> inserted = new LinkedHashMap<>();
    db.setAutoCommit(false);
    try (Statement sql = db.createStatement()) {
      sql.execute("set local synchronous_commit = off");
      plan(db, sql, templates, clones);
      templateRows(sql);
      for (String table : parentsFirst(db, tables(db, "act\\_%"))) {
        inserted.put(table, cloneEngineTable(db, sql, table));
      }
      Map<String, Long> ranges = new LinkedHashMap<>();
      for (String table : parentsFirst(db, tables(db, "fa\\_%"))) {
        if (columns(db, table).containsKey("id") && (table.equals("fa_case") || columns(db, table)
            .containsKey("case_id"))) {
          ranges.put(table, single(sql, "select coalesce(max(id), 0) + 1 from " + table));
        }
      }
      for (String table : ranges.keySet()) {
        inserted.put(table, cloneOwnTable(db, sql, table, ranges));
        // identity columns: the next id the application takes lies past the clones
        sql.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
            + "))");
      }
      sql.execute("""
          update fa_business_key_sequence s set last_value = greatest(s.last_value, p.top)
          from (select tenant, max(seq) top from fa_bench_clone group by tenant) p
          where s.tenant_id = p.tenant and s.case_year = (select max(case_year) from fa_business_key_sequence
            where tenant_id = p.tenant)""");
      sql.execute("drop table fa_bench_clone, fa_bench_tpl_id, fa_bench_tpl_row");
      // the clones' rows were written by SQL, not through the repositories that keep the dashboard's roll-ups
      DashboardRollups.rebuild(new JdbcTemplate(new SingleConnectionDataSource(db, true)));
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
    try (Statement sql = db.createStatement()) {
      // as autovacuum leaves a database that has been running: statistics, and the visibility map that lets
      // covering indexes answer from the index alone (the cloned rows are all new to it)
      sql.execute("vacuum analyze");
    }
    return inserted;
  }

  /**
   * fa_bench_clone: one row per clone — its number {@code n}, its template, tenant, new business key (the tenant's
   * next numbers) and how many days its dates move back.
   */
  private static void plan(Connection db, Statement sql, List<Template> templates, int clones) throws SQLException {
    sql.execute("create temporary table fa_bench_template (pi varchar(64), tenant varchar(64), business_key"
        + " varchar(32), case_id bigint, closed boolean, percent int, k int) on commit drop");
    try (PreparedStatement insert = db.prepareStatement("insert into fa_bench_template values (?,?,?,?,?,?,?)")) {
      int k = 0;
      for (Template t : templates) {
        insert.setString(1, t.processInstanceId());
        insert.setString(2, t.tenant());
        insert.setString(3, t.businessKey());
        insert.setLong(4, t.caseId());
        insert.setBoolean(5, t.stop().taskKey() == null);
        insert.setInt(6, t.stop().percent());
        insert.setInt(7, k++);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    // clone n: tenant n % 4, stop chosen by n's place in 100 (the MIX percentages), so every tenant gets the mix
    sql.execute("create unlogged table fa_bench_clone as "
        + "with tenants as (select tenant, row_number() over (order by min(k)) - 1 as t from fa_bench_template"
        + "  group by tenant), "
        + "stops as (select percent, closed, k, sum(percent) over (partition by tenant order by k) - percent lo,"
        + "  sum(percent) over (partition by tenant order by k) hi, tenant from fa_bench_template), "
        + "clones as (select n, (select tenant from tenants where t = n % (select count(*) from tenants)) tenant,"
        + "  (n / (select count(*) from tenants)) * 37 % 100 slot from generate_series(1, " + clones + ") n) "
        + "select c.n, c.tenant, tp.pi, tp.business_key, tp.case_id, tp.closed, "
        + "  row_number() over (partition by c.tenant order by c.n) + (select coalesce(max(last_value), 0)"
        + "    from fa_business_key_sequence q where q.tenant_id = c.tenant) seq, "
        + "  make_interval(days => case when tp.closed then (c.n * 7919) % 730 else (c.n * 7919) % 90 end) shift "
        + "from clones c join stops s on s.tenant = c.tenant and c.slot >= s.lo and c.slot < s.hi "
        + "join fa_bench_template tp on tp.k = s.k");
    long planned = single(sql, "select count(*) from fa_bench_clone");
    if (planned != clones) {
      throw new IllegalStateException("clone plan has " + planned + " rows, not " + clones);
    }
    if (single(sql, "select coalesce(max(seq), 0) from fa_bench_clone") > 99_999) {
      throw new IllegalStateException("too many cases per tenant for five-digit business keys");
    }
    sql.execute("alter table fa_bench_clone add column new_key varchar(32)");
    sql.execute("update fa_bench_clone set new_key = regexp_replace(business_key, '[0-9]+$', lpad(seq::text, 5,"
        + " '0'))");
    sql.execute("create index on fa_bench_clone (pi)");
    sql.execute("analyze fa_bench_clone");
  }

  /**
   * fa_bench_tpl_id: every engine id that belongs to a template case, with its process instance; fa_bench_tpl_row:
   * every engine row to copy (table, ID_, process instance).
   */
  private static void templateRows(Statement sql) throws SQLException {
    sql.execute("create unlogged table fa_bench_tpl_row (tbl varchar(64), id varchar(255), pi varchar(64))");
    sql.execute("create unlogged table fa_bench_tpl_id (id varchar(255) primary key, pi varchar(64))");
    // the template process instances and any sub-instances under them
    // (a child execution's ROOT_PROC_INST_ID_ may be empty: its instance is then the root)
    sql.execute("insert into fa_bench_tpl_row select 'act_ru_execution', e.ID_,"
        + " coalesce(e.ROOT_PROC_INST_ID_, e.PROC_INST_ID_) from ACT_RU_EXECUTION e"
        + " where coalesce(e.ROOT_PROC_INST_ID_, e.PROC_INST_ID_) in (select pi from fa_bench_template)");
    Connection db = sql.getConnection();
    List<String> tables = tables(db, "act\\_%");
    for (String table : tables) {
      Map<String, String> columns = columns(db, table);
      String instance = columns.containsKey("proc_inst_id_") ? "proc_inst_id_"
          : columns.containsKey("process_instance_id_") ? "process_instance_id_" : null;
      String piColumn = !columns.containsKey("root_proc_inst_id_") ? instance
          : instance == null ? "root_proc_inst_id_" : "coalesce(t.root_proc_inst_id_, t." + instance + ")";
      if (piColumn == null || table.equals("act_ru_execution") || table.equals("act_ge_bytearray")
          || !columns.containsKey("id_")) {
        continue;
      }
      String pi = piColumn.startsWith("coalesce") ? piColumn : "t." + piColumn;
      sql.execute("insert into fa_bench_tpl_row select '" + table + "', t.ID_, " + pi + " from " + table
          + " t where " + pi + " in (select pi from fa_bench_template)");
    }
    // candidate and assignee links of tasks carry the task, not the instance
    sql.execute("insert into fa_bench_tpl_row select 'act_ru_identitylink', l.ID_, r.pi from ACT_RU_IDENTITYLINK l"
        + " join fa_bench_tpl_row r on r.tbl = 'act_ru_task' and r.id = l.TASK_ID_");
    sql.execute("insert into fa_bench_tpl_id select id, min(pi) from fa_bench_tpl_row group by id"
        + " on conflict do nothing");
    // activity instance ids (the history's activity instances, the executions' current ones)
    for (String table : tables) {
      Map<String, String> columns = columns(db, table);
      for (String column : columns.keySet()) {
        if (column.endsWith("act_inst_id_") && columns.containsKey("id_")) {
          sql.execute("insert into fa_bench_tpl_id select t." + column + ", min(r.pi) from " + table + " t join"
              + " fa_bench_tpl_row r on r.tbl = '" + table + "' and r.id = t.ID_ where t." + column
              + " is not null group by t." + column + " on conflict do nothing");
        }
      }
    }
    // authorizations the engine made for a task or an instance of the case
    sql.execute("insert into fa_bench_tpl_row select 'act_ru_authorization', a.ID_, i.pi from ACT_RU_AUTHORIZATION a"
        + " join fa_bench_tpl_id i on i.id = a.RESOURCE_ID_");
    // byte arrays the case's rows point at (JSON variable values, exception stacks, ...)
    for (String table : tables) {
      Map<String, String> columns = columns(db, table);
      for (String column : BYTEARRAY_COLUMNS) {
        if (columns.containsKey(column) && columns.containsKey("id_")) {
          sql.execute("insert into fa_bench_tpl_row select distinct 'act_ge_bytearray', t." + column + ", r.pi from "
              + table + " t join fa_bench_tpl_row r on r.tbl = '" + table + "' and r.id = t.ID_ where t." + column
              + " is not null");
        }
      }
    }
    sql.execute("insert into fa_bench_tpl_id select id, min(pi) from fa_bench_tpl_row group by id"
        + " on conflict do nothing");
    long odd = single(sql, "select count(*) from fa_bench_tpl_id where id !~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
        + "[0-9a-f]{4}-[0-9a-f]{12}$' or right(id, 12) like '" + CLONE_NODE + "%'");
    if (odd > 0) {
      throw new IllegalStateException(odd + " ids of the template cases do not end in a time-based UUID whose node"
          + " does not start with " + CLONE_NODE + ": cannot make clone ids of them");
    }
    sql.execute("create index on fa_bench_tpl_row (tbl, id)");
    sql.execute("analyze fa_bench_tpl_row");
    sql.execute("analyze fa_bench_tpl_id");
  }

  /** Inserts the clones of one engine table's template rows; returns the rows inserted. */
  private static long cloneEngineTable(Connection db, Statement sql, String table) throws SQLException {
    if (single(sql, "select count(*) from fa_bench_tpl_row where tbl = '" + table + "'") == 0) {
      return 0;
    }
    Map<String, String> columns = columns(db, table);
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (Map.Entry<String, String> column : columns.entrySet()) {
      String name = column.getKey();
      names.add(name);
      values.add(value(sql, table, name, column.getValue()));
    }
    // a row found twice (a byte array two rows point at, an authorization found by instance and by resource): once
    return sql.executeUpdate("insert into " + table + " (" + names + ") select " + values + " from " + table + " t"
        + " join (select distinct id, pi from fa_bench_tpl_row where tbl = '" + table + "') r on r.id = t.ID_"
        + " join fa_bench_clone c on c.pi = r.pi");
  }

  /** The value of one column of a clone's row. */
  private static String value(Statement sql, String table, String column, String type) throws SQLException {
    String t = "t." + column;
    if (type.startsWith("timestamp") || type.equals("date")) {
      return NOT_MOVED.contains(table + "." + column) ? t : t + " - c.shift";
    }
    if (column.equals("business_key_")) {
      return "case when " + t + " = c.business_key then c.new_key else " + t + " end";
    }
    if (column.equals("long_") && (table.equals("act_ru_variable") || table.equals("act_hi_varinst")
        || table.equals("act_hi_detail"))) {
      return "case when t.NAME_ = 'caseId' and " + t + " = c.case_id then " + t + " + c.n * "
          + single(sql, "select coalesce(max(id), 0) + 1 from fa_case") + " else " + t + " end";
    }
    if (type.equals("character varying") && holdsCaseIds(sql, table, column)) {
      return remapped(t);
    }
    return t;
  }

  /**
   * A template id in the clone: the engine's ids end in a time-based UUID whose last 12 digits are the node (the same
   * for every id of one JVM); the clone's ids put {@code b} and the clone number there instead. The length stays (an
   * activity instance id {@code <activity>:<uuid>} may already fill the 64 characters of its column), and ids stay
   * unique because the rest of a time-based UUID is.
   */
  private static String remapped(String t) {
    return "case when " + t + " in (select id from fa_bench_tpl_id) then left(" + t + ", length(" + t + ") - 12) || '"
        + CLONE_NODE + "' || lpad(to_hex(c.n), 11, '0') else " + t + " end";
  }

  /** Whether any template row of the table has, in this column, an id that belongs to a template case. */
  private static boolean holdsCaseIds(Statement sql, String table, String column) throws SQLException {
    return single(sql, "select count(*) from (select 1 from " + table + " t join fa_bench_tpl_row r on r.tbl = '"
        + table + "' and r.id = t.ID_ join fa_bench_tpl_id i on i.id = t." + column + " limit 1) x") > 0;
  }

  /** Inserts the clones of one of our tables' template rows (those of the template cases). */
  private static long cloneOwnTable(Connection db, Statement sql, String table, Map<String, Long> ranges)
      throws SQLException {
    Map<String, String> columns = columns(db, table);
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (Map.Entry<String, String> column : columns.entrySet()) {
      String name = column.getKey();
      String t = "t." + name;
      String value;
      String referenced = name.equals("id") ? table : name.endsWith("_id") && !name.equals("tenant_id")
          ? "fa_" + (name.equals("case_id") ? "case" : "case_" + name.substring(0, name.length() - 3)) : null;
      if (referenced != null && ranges.containsKey(referenced) && column.getValue().equals("bigint")) {
        value = t + " + c.n * " + ranges.get(referenced);
      } else if (referenced != null && !name.equals("id") && column.getValue().equals("bigint")) {
        throw new IllegalStateException(table + "." + name + ": which table does it refer to?");
      } else if (name.equals("business_key")) {
        value = "c.new_key";
      } else if (column.getValue().startsWith("timestamp") || column.getValue().equals("date")) {
        value = t + " - c.shift";
      } else if (column.getValue().equals("character varying") && holdsOwnCaseIds(sql, table, name)) {
        value = remapped(t);
      } else {
        value = t;
      }
      names.add(name);
      values.add(value);
    }
    String caseId = table.equals("fa_case") ? "t.id" : "t.case_id";
    return sql.executeUpdate("insert into " + table + " (" + names + ") overriding system value select " + values
        + " from " + table + " t join fa_bench_clone c on c.case_id = " + caseId);
  }

  private static boolean holdsOwnCaseIds(Statement sql, String table, String column) throws SQLException {
    String caseId = table.equals("fa_case") ? "t.id" : "t.case_id";
    return single(sql, "select count(*) from (select 1 from " + table + " t join fa_bench_template tp on tp.case_id = "
        + caseId + " join fa_bench_tpl_id i on i.id = t." + column + " limit 1) x") > 0;
  }

  /** The tables ordered so that a table comes after every other table its foreign keys point at. */
  static List<String> parentsFirst(Connection db, List<String> tables) throws SQLException {
    Map<String, List<String>> parents = new LinkedHashMap<>();
    for (String table : tables) {
      parents.put(table, new ArrayList<>());
    }
    try (PreparedStatement select = db.prepareStatement("select lower(c.conrelid::regclass::text),"
        + " lower(c.confrelid::regclass::text) from pg_constraint c where c.contype = 'f'");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        if (parents.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
          parents.get(rs.getString(1)).add(rs.getString(2));
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < tables.size()) {
      int before = ordered.size();
      for (String table : tables) {
        if (!ordered.contains(table) && parents.get(table).stream()
            .allMatch(p -> ordered.contains(p) || !parents.containsKey(p))) {
          ordered.add(table);
        }
      }
      if (ordered.size() == before) {
        throw new IllegalStateException("foreign keys in a cycle among " + tables);
      }
    }
    return ordered;
  }

  static List<String> tables(Connection db, String like) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement select = db.prepareStatement("select table_name from information_schema.tables"
        + " where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name like ?"
        + " and table_name not like 'fa\\_bench%' and table_name <> 'fa_schema_history' order by table_name")) {
      select.setString(1, like);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return tables;
  }

  /** Column name → data type, in table order. */
  static Map<String, String> columns(Connection db, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement select = db.prepareStatement("select column_name, data_type from"
        + " information_schema.columns where table_schema = current_schema() and table_name = ?"
        + " order by ordinal_position")) {
      select.setString(1, table);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
        }
      }
    }
    return columns;
  }

  static long single(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
