package cn.faultaccountability.documents;

import cn.faultaccountability.ProcessConstants;
import cn.faultaccountability.calendar.DeadlineRule;
import cn.faultaccountability.calendar.DeadlineStage;
import cn.faultaccountability.calendar.StatutoryDeadlines;
import cn.faultaccountability.cases.Actors;
import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.CaseRepository;
import cn.faultaccountability.cases.CaseRepository.CaseRow;
import cn.faultaccountability.cases.CaseRepository.Measure;
import cn.faultaccountability.deadlines.DeadlineRepository;
import cn.faultaccountability.deadlines.DeadlineService;
import cn.faultaccountability.decisions.VocabularyCodes;
import cn.faultaccountability.documents.DocumentRepository.DocumentInfo;
import cn.faultaccountability.intake.LeadSource;
import cn.faultaccountability.intake.PartyRole;
import cn.faultaccountability.platform.Jurisdiction;
import com.samskivert.mustache.Mustache;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The decision document (处理决定书) with the contents of Changzhou 32: (1) the units and persons, (2) facts and
 * evidence, (3) the determination of each one's liability, (4) its legal basis, (5) the decision, (6) how, where and
 * within what period to apply for review, (7) the deciding organ and the date. Made when the decision is issued and,
 * as a new version, when a review modifies or revokes it.
 *
 * <p>The review period runs from the respondent's receipt (Jilin 14, Jinan 21, Changzhou 33), which is not known when
 * the document is made: it states the period and its basis from the tenant's statutory-deadlines table; the last day
 * follows from the service date recorded later (case view, deadline REVIEW_APPLICATION). A version made after service
 * (a review decision) also states the service date and the last day.
 */
@Component
public class DecisionDocuments {

  public static final String KIND = "DECISION";
  /** Process variable: the API path of the current decision document, for Tasklist forms and other systems. */
  public static final String VAR_DECISION_DOCUMENT = "decisionDocument";
  static final String TEMPLATE = "decision.html";

  private final CaseRepository cases;
  private final DeadlineRepository deadlines;
  private final StatutoryDeadlines statutoryDeadlines;
  private final VocabularyCodes codes;
  private final DocumentTemplates templates;
  private final PdfRenderer renderer;
  private final DocumentRepository documents;

  public DecisionDocuments(CaseRepository cases, DeadlineRepository deadlines, StatutoryDeadlines statutoryDeadlines,
      VocabularyCodes codes, DocumentTemplates templates, PdfRenderer renderer, DocumentRepository documents) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.statutoryDeadlines = statutoryDeadlines;
    this.codes = codes;
    this.templates = templates;
    this.renderer = renderer;
    this.documents = documents;
  }

  /** Issue: version 1. */
  public DocumentInfo issue(DelegateExecution execution) {
    return make(execution, null);
  }

  /** A review decision that modifies or revokes the decision: the next version, stating the review. */
  public DocumentInfo revise(DelegateExecution execution, String outcome, String reason) {
    return make(execution, new Revision(outcome, reason));
  }

  private record Revision(String outcome, String reason) {}

  private DocumentInfo make(DelegateExecution execution, Revision revision) {
    long caseId = (Long) execution.getVariable(ProcessConstants.VAR_CASE_ID);
    CaseRow row = cases.get(caseId);
    Map<String, Object> model = model(row, execution.getVariable(ProcessConstants.VAR_TRANSFER_ORGAN));
    if (revision != null) {
      int previous = documents.list(caseId).stream().filter(d -> d.kind().equals(KIND) && d.current())
          .mapToInt(DocumentInfo::version).max().orElse(0);
      model.put("revision", true);
      model.put("version", previous + 1);
      model.put("previousVersion", previous);
      model.put("reviewOutcomeName", Map.of("MODIFY", "变更", "REVOKE", "撤销").get(revision.outcome()));
      model.put("reviewReason", revision.reason());
      model.put("reviewDecidedOn", chineseDate(DeadlineService.today()));
      // this version is made by the review decision, on its date
      model.put("originalDecidedOn", model.get("decidedOn"));
      model.put("decidedOn", chineseDate(DeadlineService.today()));
    }
    DocumentTemplates.Template template = templates.template(row.tenantId(), TEMPLATE);
    String xhtml = Mustache.compiler().defaultValue("").compile(template.text()).execute(model);
    byte[] pdf = renderer.render(xhtml, row.businessKey());
    DocumentInfo stored = documents.add(caseId, KIND, row.businessKey() + "-处理决定书-第{version}版.pdf",
        "application/pdf", pdf, template.origin(), revision == null ? null : revision.reason(),
        Actors.current(execution));
    execution.setVariable(VAR_DECISION_DOCUMENT, path(row.businessKey(), stored.id()));
    cases.event(caseId, "DOCUMENT_CREATED", Actors.current(execution), "制作处理决定书第 " + stored.version() + " 版");
    return stored;
  }

  public static String path(String businessKey, long documentId) {
    return "/api/cases/" + businessKey + "/documents/" + documentId;
  }

  /** What the template can use (docs/documents.md lists the names). */
  Map<String, Object> model(CaseRow row, Object transferOrgan) {
    Map<String, Object> model = new LinkedHashMap<>();
    String[] key = row.businessKey().split("-");
    LocalDateTime decidedAt = (LocalDateTime) row.details().get("decided_at");
    LocalDate decidedOn = decidedAt == null ? DeadlineService.today() : decidedAt.toLocalDate();
    model.put("businessKey", row.businessKey());
    model.put("year", key[1]);
    model.put("documentNumber", key[2]);
    model.put("version", 1);
    model.put("revision", false);
    model.put("tenantName", jurisdiction(row.tenantId()).chineseName());
    model.put("unitName", row.unitName());
    model.put("actDescription", row.actDescription());
    model.put("sourceName", LeadSource.valueOf(row.source()).chineseName());
    model.put("facts", row.details().get("facts"));
    model.put("evidence", row.details().get("evidence"));
    String category = (String) row.details().get("fault_category");
    model.put("faultCategory", category);
    model.put("faultCategoryName", codes.term("faultCategories", category));
    model.put("transferOrgan", transferOrgan == null || transferOrgan.toString().isBlank() ? null
        : transferOrgan.toString());
    model.put("decidedOn", chineseDate(decidedOn));

    List<Map<String, Object>> circumstances = cases.circumstances(row.id());
    List<Measure> decided = cases.measures(row.id(), "DECIDED");
    Set<String> bases = new LinkedHashSet<>();
    List<Map<String, Object>> parties = new ArrayList<>();
    for (CaseParty p : cases.parties(row.id())) {
      Map<String, Object> party = new LinkedHashMap<>();
      party.put("name", p.name());
      party.put("type", p.type());
      party.put("typeName", p.isUnit() ? "单位" : "个人");
      party.put("unitName", p.isUnit() ? "" : p.unitName());
      party.put("roleName", p.role() == null ? "被追究单位" : PartyRole.valueOf(p.role()).chineseName());
      party.put("liability", p.liability());
      party.put("liabilityName", p.liability() == null ? "未认定" : codes.term("liabilityLevels", p.liability()));
      party.put("liabilityBasis", p.liabilityBasis() == null ? "由监督机构负责人认定" : p.liabilityBasis());
      addBasis(bases, p.liabilityBasis());
      List<Map<String, Object>> own = new ArrayList<>();
      for (Map<String, Object> c : circumstances) {
        if (((Number) c.get("party_id")).longValue() == p.id()) {
          own.add(Map.of("effect", c.get("effect"), "effectName", codes.term("effects", (String) c.get("effect")),
              "basis", c.get("basis")));
          addBasis(bases, (String) c.get("basis"));
        }
      }
      party.put("circumstances", own);
      party.put("exempt", Boolean.TRUE.equals(p.exempt()));
      List<Map<String, Object>> measures = new ArrayList<>();
      for (Measure m : decided) {
        if (m.partyId() == p.id()) {
          Map<String, Object> measure = new LinkedHashMap<>();
          measure.put("measure", m.measure());
          measure.put("measureName", codes.term("measures", m.measure()));
          measure.put("basis", m.basis() != null ? m.basis()
              : "REVIEW".equals(m.origin()) ? "复核决定" : "监督机构负责人决定");
          measure.put("mandatory", m.mandatory());
          measure.put("reason", m.reason());
          measures.add(measure);
          addBasis(bases, m.basis());
        }
      }
      party.put("measures", measures);
      parties.add(party);
    }
    model.put("parties", parties);
    model.put("bases", List.copyOf(bases));
    review(row, model);
    return model;
  }

  /** How long, from when, on what basis (the tenant's statutory-deadlines table); the last day once served. */
  private void review(CaseRow row, Map<String, Object> model) {
    Jurisdiction jurisdiction = jurisdiction(row.tenantId());
    DeadlineRule rule = statutoryDeadlines.rule(row.tenantId(), jurisdiction.chineseName(),
        DeadlineStage.REVIEW_APPLICATION).rule();
    model.put("reviewPeriod", periodText(rule.period(), rule.countWorkingDays()));
    model.put("reviewBasis", rule.basis());
    LocalDate served = (LocalDate) row.details().get("served_on");
    model.put("serviceDate", served == null ? null : chineseDate(served));
    model.put("reviewDueDate", deadlines.current(row.id(), DeadlineStage.REVIEW_APPLICATION.name())
        .map(d -> chineseDate(d.dueOn())).orElse(null));
  }

  private static Jurisdiction jurisdiction(String tenantId) {
    return Jurisdiction.byTenantId(tenantId).orElseThrow(() -> new IllegalStateException("unknown tenant " + tenantId));
  }

  private static void addBasis(Set<String> bases, String basis) {
    if (basis != null && !basis.isBlank()) {
      bases.add(basis);
    }
  }

  static String periodText(Period period, boolean workingDays) {
    StringBuilder text = new StringBuilder();
    if (period.getYears() > 0) {
      text.append(period.getYears()).append("年");
    }
    if (period.getMonths() > 0) {
      text.append(period.getMonths()).append("个月");
    }
    if (period.getDays() > 0) {
      text.append(period.getDays()).append(workingDays ? "个工作日" : "日");
    }
    return text.toString();
  }

  public static String chineseDate(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }
}
