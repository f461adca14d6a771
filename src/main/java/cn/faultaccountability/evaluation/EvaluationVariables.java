package cn.faultaccountability.evaluation;

/** Variables of the {@code responsibility-evaluation} process (inputs of evaluation-grade: score, previousGrade). */
public final class EvaluationVariables {
  public static final String TENANT = "jilin";
  public static final String EVALUATION_ID = "evaluationId";
  public static final String UNIT_NAME = "unitName";
  public static final String YEAR = "evaluationYear";
  public static final String SELF_EVALUATION = "selfEvaluation";
  /** 0-100 (Jilin responsibility system Art. 31: 百分制). */
  public static final String SCORE = "score";
  public static final String EVALUATION_NOTES = "evaluationNotes";
  /** The unit's grade of the previous year, or null (Art. 32(4): two failing years in a row). */
  public static final String PREVIOUS_GRADE = "previousGrade";
  public static final String GRADE_RESULT = "gradeResult";
  public static final String GRADE = "grade";
  public static final String CONSEQUENCE = "consequence";
  public static final String RECTIFICATION_NOTICE = "rectificationNotice";
  public static final String RECTIFICATION_DUE_DATE = "rectificationDueDate";
  /** Start of the day after the rectification due date: the follow-up timer. */
  public static final String RECTIFICATION_OVERDUE_AT = "rectificationOverdueAt";

  private EvaluationVariables() {}
}
