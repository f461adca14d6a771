package cn.faultaccountability.cases;

import java.util.List;
import org.springframework.stereotype.Component;

/** The multi-instance collection of the per-party determination: {@code ${caseParties.partyIds(caseId)}}. */
@Component("caseParties")
public class CaseParties {

  private final CaseRepository cases;

  public CaseParties(CaseRepository cases) {
    this.cases = cases;
  }

  public List<Long> partyIds(Long caseId) {
    return cases.parties(caseId).stream().map(CaseParty::id).toList();
  }
}
