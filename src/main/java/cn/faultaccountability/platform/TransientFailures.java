package cn.faultaccountability.platform;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that say nothing about the request itself and go away when it is repeated (docs/reliability.md): the
 * database is unreachable or restarting, or another user or node changed the same case at the same moment. Both
 * roll the whole transaction back, so nothing was half-written; the caller is told so in Chinese (503 or 409), never
 * with a stack trace or a 500.
 */
public final class TransientFailures {

  /** 503: the database cannot be reached (restart, failover, connections refused). */
  public static final String DATABASE_UNAVAILABLE = "数据库暂时不可用（可能正在重启），本次操作未生效，请稍后重试";

  /** 409: another user or node changed the same case or task in the meantime. */
  public static final String CONCURRENT_UPDATE = "该案件或任务刚被他人（或另一节点）同时修改，本次操作未生效，请刷新后重试";

  /** Seconds a client should wait before repeating a request refused because the database is down. */
  public static final int RETRY_AFTER_SECONDS = 10;

  private TransientFailures() {}

  public static boolean isOptimisticLockingConflict(Throwable e) {
    return anyInChain(e, t -> t instanceof OptimisticLockingException);
  }

  /**
   * Whether the failure is the database connection's: Hikari timed out waiting for one, the driver lost it, or the
   * server ended it (SQLSTATE class 08 connection exception; 57P01-57P03 administrator or crash shutdown, not yet
   * accepting connections). A refused connection attempt reaches us as Hikari's SQLTransientConnectionException.
   * When the commit itself fails on a dead connection, the rollback after it fails too and only that is thrown.
   */
  public static boolean isDatabaseUnavailable(Throwable e) {
    return anyInChain(e, t -> t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
        || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
        || t instanceof SQLException sql && (sql.getSQLState() != null
            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
            // Hikari's answer, without SQLSTATE, for a connection it already evicted as broken (e.g. the rollback
            // after a commit that failed on a terminated connection)
            || sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())));
  }

  /**
   * Looks through causes, chained SQL exceptions, and the original failure a transaction manager keeps when the
   * rollback after it failed as well (on a dead connection the rollback fails too, and would hide the cause).
   */
  private static boolean anyInChain(Throwable e, Predicate<Throwable> test) {
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (e != null) {
      pending.push(e);
    }
    while (!pending.isEmpty()) {
      Throwable t = pending.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (test.test(t)) {
        return true;
      }
      if (t.getCause() != null) {
        pending.push(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        pending.push(sql.getNextException());
      }
      if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
        pending.push(tx.getApplicationException());
      }
    }
    return false;
  }
}
