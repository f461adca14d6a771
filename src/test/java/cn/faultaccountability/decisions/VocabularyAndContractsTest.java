package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** decisions/vocabulary.yaml and decisions/contracts.yaml hold SPEC §4 exactly. */
class VocabularyAndContractsTest {

  private final DecisionContracts contracts = DecisionContracts.load(Path.of("decisions"));
  private final Vocabulary vocabulary = contracts.vocabulary();

  private List<String> codes(String group) {
    return List.copyOf(vocabulary.group(group).orElseThrow().terms().keySet());
  }

  @Test
  void everyGroupOfSpecSection4WithItsCodes() {
    assertThat(codes("liabilityLevels"))
        .containsExactly("FULL", "MAIN", "SECONDARY", "PROPORTIONAL", "JOINT", "LIABLE", "NONE");
    assertThat(codes("effects")).containsExactly("EXEMPT", "MAY_EXEMPT", "AGGRAVATE", "MITIGATE");
    assertThat(codes("severities")).containsExactly("MINOR", "LIGHT", "SERIOUS", "GRAVE");
    assertThat(codes("targets")).containsExactly("UNIT", "PERSON");
    assertThat(codes("stages")).containsExactly("DECISION_AFTER_FILING", "TRANSFERRED_UNIT_DECISION",
        "REVIEW_APPLICATION", "REVIEW_DECISION", "EXECUTION_REPORT", "STATEMENT_AND_DEFENCE", "PRELIMINARY_CHECK");
    assertThat(codes("grades")).containsExactly("EXCELLENT", "GOOD", "PASS", "FAIL");
    assertThat(codes("consequences"))
        .containsExactly("COMMENDATION", "NONE", "RECTIFICATION_NOTICE", "RECOMMEND_LEADER_REMOVAL");
    assertThat(codes("scenarios")).hasSize(15).contains("HANDLER_ACTED_ALONE", "SUPERIOR_DECISION");
    assertThat(codes("factors")).hasSize(26).contains("FORCE_MAJEURE", "LOST_LITIGATION_DELIBERATELY");
    assertThat(codes("faultCategories")).hasSize(23).contains("FACTS_UNCLEAR", "OTHER");
    assertThat(codes("measures")).hasSize(21).contains("ORDER_CORRECTION", "TRANSFER_TO_JUDICIARY");
    assertThat(codes("roles")).containsExactlyElementsOf(
        contracts.decision("liability-apportionment").orElseThrow().outputNames().subList(0, 7));
  }

  @Test
  void chineseTermsAsSpecGivesThem() {
    assertThat(vocabulary.term("liabilityLevels", "PROPORTIONAL")).contains("按责任大小分担");
    assertThat(vocabulary.term("effects", "MAY_EXEMPT")).contains("可以免予追究");
    assertThat(vocabulary.term("measures", "SUSPEND_OR_REVOKE_ENFORCEMENT_CERTIFICATE")).contains("暂扣或收缴执法证件");
    vocabulary.groups().values().forEach(group -> group.terms().forEach((code, term) ->
        assertThat(term).as(group.name() + "." + code).containsPattern("\\p{IsHan}")));
  }

  @Test
  void contractsAsSpecSection4() {
    assertThat(contracts.decisions().keySet()).containsExactly("liability-apportionment", "unit-liability",
        "circumstances", "sanctions", "statutory-deadlines", "evaluation-grade");
    assertThat(contracts.decisionsOf("jilin")).hasSize(6);
    for (String tenant : List.of("mingshan", "changzhou", "jinan")) {
      assertThat(contracts.decisionsOf(tenant)).extracting(DecisionContract::key).hasSize(5)
          .doesNotContain("evaluation-grade");
    }
    DecisionContract sanctions = contracts.decision("sanctions").orElseThrow();
    assertThat(sanctions.hitPolicy()).isEqualTo("COLLECT");
    assertThat(sanctions.inputNames()).containsExactly("target", "faultCategory", "liability", "severity",
        "largeImpact", "crimeSuspected", "compensationPaid");
    assertThat(sanctions.outputNames()).containsExactly("measure", "mandatory", "basis");
    DecisionContract circumstances = contracts.decision("circumstances").orElseThrow();
    assertThat(circumstances.inputNames())
        .containsExactly("factors", "faultsWithinYear", "faultsInCalendarYear", "faultEndedOn", "discoveredOn");
    assertThat(circumstances.outputNames()).containsExactly("effect", "basis");
    assertThat(contracts.decision("statutory-deadlines").orElseThrow().outputNames())
        .containsExactly("period", "maxExtension", "countWorkingDays", "warnBefore", "basis");
    assertThat(contracts.decision("unit-liability").orElseThrow().inputNames())
        .containsExactly("unitCount", "isLeadUnit");
    assertThat(contracts.decision("evaluation-grade").orElseThrow().outputNames())
        .containsExactly("grade", "consequence", "basis");
    assertThat(contracts.decisions().values()).filteredOn(DecisionContract::isUnique).extracting(DecisionContract::key)
        .containsExactly("liability-apportionment", "unit-liability", "statutory-deadlines", "evaluation-grade");
  }
}
