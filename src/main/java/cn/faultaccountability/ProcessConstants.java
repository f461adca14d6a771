package cn.faultaccountability;

/** Process keys, variable names and message names shared by processes, delegates and the API (one place). */
public final class ProcessConstants {
  public static final String PROCESS_FAULT_ACCOUNTABILITY = "fault-accountability";
  public static final String PROCESS_RESPONSIBILITY_EVALUATION = "responsibility-evaluation";

  // messages
  public static final String MESSAGE_REVIEW_APPLICATION = "ReviewApplication";
  public static final String MESSAGE_RECUSAL_REQUEST = "RecusalRequest";

  // intake (start of the process: the case API or the Tasklist start form)
  public static final String VAR_CASE_ID = "caseId";
  public static final String VAR_SOURCE = "source";
  public static final String VAR_ACT_DESCRIPTION = "actDescription";
  public static final String VAR_UNIT_NAME = "unitName";
  public static final String VAR_FAULT_ENDED_ON = "faultEndedOn";
  public static final String VAR_DISCOVERED_ON = "discoveredOn";
  public static final String VAR_COMPLAINANT_CONTACT = "complainantContact";
  /** JSON array of {name, type: PERSON|UNIT, role, unitName, leadUnit}. */
  public static final String VAR_PARTIES = "parties";

  // limitation check and preliminary check
  public static final String VAR_LIMITATION_RESULTS = "limitationResults";
  public static final String VAR_TIME_BARRED = "timeBarred";
  public static final String VAR_NOT_FILED_REASON = "notFiledReason";
  /** FILE, NOT_FILE or TRANSFER. */
  public static final String VAR_CHECK_OUTCOME = "checkOutcome";
  /** APPROVE, RETURN or REJECT. */
  public static final String VAR_FILING_DECISION = "filingDecision";
  /** APPROVE or RETURN, for every approval step (extension, suspension, government approval). */
  public static final String VAR_APPROVAL = "approval";
  /** The reason given with a return (退回), a rejection, a suspension or a resumption. */
  public static final String VAR_REASON = "reason";
  /** ISO-8601 period asked for an extension, e.g. P30D. */
  public static final String VAR_EXTENSION = "extension";
  public static final String VAR_UNIT_REPORT = "unitReport";

  // investigation
  /** DONE, REQUEST_EXTENSION or REQUEST_SUSPENSION. */
  public static final String VAR_INVESTIGATION_OUTCOME = "investigationOutcome";
  public static final String VAR_INVESTIGATORS = "investigators";
  public static final String VAR_FACTS = "facts";
  public static final String VAR_EVIDENCE = "evidence";
  public static final String VAR_SCENARIO = "scenario";
  public static final String VAR_FAULT_CATEGORY = "faultCategory";
  public static final String VAR_SEVERITY = "severity";
  public static final String VAR_LARGE_IMPACT = "largeImpact";
  public static final String VAR_CRIME_SUSPECTED = "crimeSuspected";
  public static final String VAR_COMPENSATION_PAID = "compensationPaid";
  public static final String VAR_DISCIPLINARY_MATTER = "disciplinaryMatter";
  /** JSON object: party name → array of factor codes. */
  public static final String VAR_PARTY_FACTORS = "partyFactors";
  public static final String VAR_STATEMENT = "statement";
  public static final String VAR_RECUSED_INVESTIGATOR = "recusedInvestigator";
  public static final String VAR_RECUSAL_GROUNDS = "recusalGrounds";
  public static final String VAR_RECUSAL_GRANTED = "recusalGranted";
  public static final String VAR_REPLACEMENT_INVESTIGATOR = "replacementInvestigator";

  // determination (decision tables and their inputs)
  public static final String VAR_APPORTIONMENT = "apportionment";
  public static final String VAR_LIABILITY_COMPLETE = "liabilityComplete";
  /** JSON object: party name → liability code, set by the head where the table has no rule. */
  public static final String VAR_MANUAL_LIABILITIES = "manualLiabilities";
  public static final String VAR_PARTY_ID = "partyId";
  public static final String VAR_PARTY_TYPE = "partyType";
  public static final String VAR_FACTORS = "factors";
  public static final String VAR_FAULTS_WITHIN_YEAR = "faultsWithinYear";
  public static final String VAR_FAULTS_IN_CALENDAR_YEAR = "faultsInCalendarYear";
  public static final String VAR_UNIT_COUNT = "unitCount";
  public static final String VAR_IS_LEAD_UNIT = "isLeadUnit";
  public static final String VAR_UNIT_LIABILITY = "unitLiability";
  public static final String VAR_CIRCUMSTANCE_RESULTS = "circumstanceResults";
  public static final String VAR_EXEMPT = "exempt";
  public static final String VAR_TARGET = "target";
  public static final String VAR_LIABILITY = "liability";
  public static final String VAR_PROPOSED_MEASURES = "proposedMeasures";
  /** JSON array of {party, measure, reason?}: what the head decides (the proposal is the default). */
  public static final String VAR_DECIDED_MEASURES = "decidedMeasures";
  public static final String VAR_TRANSFER_ORGAN = "transferOrgan";
  /** The determination form: proposed measures removed / measures added (party|measure pairs), one reason. */
  public static final String VAR_REMOVED_MEASURES = "removedMeasures";
  public static final String VAR_ADDED_MEASURES = "addedMeasures";
  public static final String VAR_DEPARTURE_REASON = "departureReason";
  /** Units whose liability no table rule gives (e.g. Mingshan): the head's choice, "unit|LEVEL" pairs or a JSON map. */
  public static final String VAR_UNIT_LIABILITIES = "unitLiabilities";

  // service, review, execution
  public static final String VAR_SERVICE_DATE = "serviceDate";
  /** UPHOLD, MODIFY, REVOKE or REQUEST_EXTENSION. */
  public static final String VAR_REVIEW_OUTCOME = "reviewOutcome";
  /** JSON array like decidedMeasures: the measures after a MODIFY review decision. */
  public static final String VAR_REVISED_MEASURES = "revisedMeasures";
  public static final String VAR_REVIEW_APPLICANT = "reviewApplicant";
  public static final String VAR_REVIEW_GROUNDS = "reviewGrounds";
  /** JSON array of {party, measure}: what the unit reports as executed. */
  public static final String VAR_EXECUTED_MEASURES = "executedMeasures";
  public static final String VAR_EXECUTION_NEEDS_CORRECTION = "executionNeedsCorrection";

  private ProcessConstants() {}
}
