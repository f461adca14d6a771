package cn.faultaccountability.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Planner settings for this application's own PostgreSQL connections (docs/performance.md "查询延迟"), passed as the
 * driver's startup {@code options}, so that nothing is changed for the database's other users and H2 is untouched.
 * <ul>
 *   <li>{@code plan_cache_mode=force_custom_plan}: the engine's queries are prepared statements; after a few runs on
 *       a connection PostgreSQL may switch to a generic plan, planned without the parameter values, in which the
 *       Tasklist's authorization join is estimated at one row and run as authorizations &times; tasks (quadratic).
 *       A custom plan sees the values, so the statistics and indexes of db/engine-indexes apply. Costs a plan per
 *       execution (about a millisecond).</li>
 *   <li>{@code seq_page_cost=0.1}, {@code random_page_cost=0.11}: the tables these queries read are in memory
 *       (and on SSD), so reading a page costs about as little as processing a row, and a random read little more
 *       than a sequential one (stock 1 and 4 assume pages come from spinning disks). Priced so, the per-task
 *       authorization probe wins over authorizations &times; tasks once the latter costs more: with stock page
 *       costs, or random_page_cost=1.1 alone, PostgreSQL kept the quadratic loop up to ~1,750 tasks of one role
 *       (1,248 tasks: 0.29 s instead of 35 ms).</li>
 *   <li>{@code jit=off}: the queries are short; JIT compilation, triggered by a plan's cost, added ~0.35 s to a
 *       Tasklist count of 6,000 tasks that runs in well under that without it.</li>
 * </ul>
 * A {@code DB_URL} that sets {@code options} itself is left as it is.
 */
public class PostgresSessionSettings implements BeanPostProcessor {

  static final String OPTIONS =
      "-c plan_cache_mode=force_custom_plan -c seq_page_cost=0.1 -c random_page_cost=0.11 -c jit=off";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari) {
      apply(hikari);
    }
    return bean;
  }

  static void apply(HikariDataSource hikari) {
    String url = hikari.getJdbcUrl();
    if (url == null || !url.startsWith("jdbc:postgresql:") || url.contains("options=")
        || hikari.getDataSourceProperties().containsKey("options")) {
      return;
    }
    hikari.addDataSourceProperty("options", OPTIONS);
  }
}
