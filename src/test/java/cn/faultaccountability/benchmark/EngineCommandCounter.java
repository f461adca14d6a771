package cn.faultaccountability.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Counts the engine's top-level commands: a service call (start, query, claim, complete, execute a job, the job
 * executor's acquisition) that opens its own command context. Each is one engine transaction: the engine flushes and
 * commits once when the command ends (or joins the caller's Spring transaction, as intake does). Commands a delegate
 * calls inside another command reuse that command's context and are not counted. Added to the benchmark's
 * application only ({@link BenchmarkRun}); the counting is two additions per command.
 */
public final class EngineCommandCounter extends AbstractProcessEnginePlugin {

  private final LongAdder total = new LongAdder();
  private final ThreadLocal<long[]> onThisThread = ThreadLocal.withInitial(() -> new long[1]);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        // no command context yet on this thread: this command opens one (a nested command would reuse it)
        if (Context.getCommandContext() == null) {
          total.increment();
          onThisThread.get()[0]++;
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Top-level commands so far, on every thread (the job executor's included). */
  public long total() {
    return total.sum();
  }

  /** Top-level commands so far on the calling thread. */
  public long onThisThread() {
    return onThisThread.get()[0];
  }
}
