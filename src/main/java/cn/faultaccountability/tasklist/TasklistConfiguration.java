package cn.faultaccountability.tasklist;

import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.deadlines.DeadlineRepository;
import cn.faultaccountability.decisions.VocabularyCodes;
import cn.faultaccountability.investigation.InvestigatorIsNotApprover;
import cn.faultaccountability.investigation.InvestigatorRecusal;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Staff work in Tasklist: the forms' rules on the server, task due dates and display variables, saved filters. */
@Configuration
public class TasklistConfiguration {

  @Bean
  public ProcessEnginePlugin tasklistFilters() {
    return new TasklistFilters();
  }

  @Bean
  public TaskForms taskForms() {
    return new TaskForms();
  }

  @Bean
  public ProcessEnginePlugin tasklistEnginePlugin(TaskForms forms, CaseRepository cases,
      DeadlineRepository deadlines, VocabularyCodes codes,
      // the engine's identity service is built after this plugin: looked up at first use
      @Lazy InvestigatorRecusal investigators) {
    return new TasklistEnginePlugin(new TaskPreparation(forms, cases, deadlines, codes),
        new TaskCompletionValidator(forms, codes), new TaskOutcomeRecorder(cases),
        new InvestigatorIsNotApprover(cases, investigators));
  }
}
