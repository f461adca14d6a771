package cn.faultaccountability.reliability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the application's PostgreSQL database directly, to check what the nodes did. Each query opens its own
 * connection and is repeated while the database is being disrupted (its connections are cut too).
 */
final class Database {

  private final String url;
  private final String user;
  private final String password;

  Database(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  String url() {
    return url;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** The database's name: the last path segment of the JDBC URL. */
  String name() {
    String path = url.substring(url.lastIndexOf('/') + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** A JDBC URL of the same server's maintenance database "postgres". */
  String adminUrl() {
    String rest = url.substring(url.lastIndexOf('/') + 1);
    int query = rest.indexOf('?');
    return url.substring(0, url.lastIndexOf('/') + 1) + "postgres" + (query < 0 ? "" : rest.substring(query));
  }

  /** The rows of a query, each as a list of column values; parameters that are collections become text arrays. */
  List<List<Object>> rows(String sql, Object... parameters) {
    SQLException last = null;
    for (int attempt = 0; attempt < 30; attempt++) {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          if (parameters[i] instanceof Collection<?> values) {
            Array array = connection.createArrayOf("varchar", values.toArray());
            statement.setArray(i + 1, array);
          } else {
            statement.setObject(i + 1, parameters[i]);
          }
        }
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= columns; c++) {
              row.add(rs.getObject(c));
            }
            rows.add(row);
          }
        }
        return rows;
      } catch (SQLException e) {
        last = e;
        sleep(1000);
      }
    }
    throw new IllegalStateException("query failed 30 times: " + sql, last);
  }

  long count(String sql, Object... parameters) {
    return ((Number) rows(sql, parameters).get(0).get(0)).longValue();
  }

  /** Runs a statement on the server through the maintenance database (ALTER DATABASE, pg_terminate_backend). */
  void onServer(String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl(), user, password)) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
