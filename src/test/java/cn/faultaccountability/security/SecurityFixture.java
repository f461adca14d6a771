package cn.faultaccountability.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Row counts of our {@code fa_*} tables: a refused request must leave every one of them as it was. */
final class SecurityFixture {

  private SecurityFixture() {
  }

  static Map<String, Integer> rowCounts(JdbcTemplate jdbc) {
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
        + " where lower(table_name) like 'fa\\_%' escape '\\' and lower(table_name) <> 'fa_schema_history'"
        + " order by table_name", String.class);
    assertThat(tables).as("fa_* tables").isNotEmpty();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Integer.class));
    }
    return counts;
  }
}
