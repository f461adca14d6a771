package cn.faultaccountability.investigation;

import cn.faultaccountability.cases.CaseParty;
import cn.faultaccountability.cases.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Jinan 18 (Changzhou 30 likewise): an investigator who has an interest in the case shall recuse. The system knows one
 * such interest for certain — the investigator is a person party of the case — and refuses them: an investigator is
 * named by user id (their engine user's name, family name first as Chinese names are written, or given name first) or
 * by a plain name, and is refused when that name equals a person party's name. Other interests (kinship, ...) are for
 * the respondent's recusal request, which the supervision head decides.
 */
@Component
public class InvestigatorRecusal {

  private final IdentityService identityService;

  public InvestigatorRecusal(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** One error per investigator who is a person party of the case, naming the field. */
  public List<FieldError> check(String field, Collection<String> investigators, List<CaseParty> parties) {
    Set<String> persons = parties.stream().filter(p -> !p.isUnit()).map(p -> normalise(p.name()))
        .collect(Collectors.toSet());
    List<FieldError> errors = new ArrayList<>();
    for (String investigator : investigators) {
      for (String name : names(investigator)) {
        if (persons.contains(normalise(name))) {
          errors.add(new FieldError(field, "调查人员“" + investigator + "”（" + name
              + "）是本案当事人，应当回避（济南市办法第十八条）"));
          break;
        }
      }
    }
    return errors;
  }

  /**
   * How investigators may name this user: their id, and their name either way round (normalised as
   * {@link #named(String)} does).
   */
  public Set<String> namesOf(String userId) {
    Set<String> names = names(userId).stream().skip(1).map(InvestigatorRecusal::normalise)
        .filter(n -> !n.isEmpty()).collect(Collectors.toSet());
    names.add(userId);
    return names;
  }

  /** An investigator as named in a case (user id or plain name), comparable with {@link #namesOf(String)}. */
  public static Set<String> named(String investigator) {
    return new java.util.HashSet<>(List.of(investigator.strip(), normalise(investigator)));
  }

  private List<String> names(String investigator) {
    List<String> names = new ArrayList<>(List.of(investigator));
    // the caller may not read users (authorization check): the user's name is looked up as the system
    User user = Context.getCommandContext() == null
        ? identityService.createUserQuery().userId(investigator).singleResult()
        : Context.getCommandContext().runWithoutAuthorization(
            () -> identityService.createUserQuery().userId(investigator).singleResult());
    if (user != null) {
      String first = user.getFirstName() == null ? "" : user.getFirstName();
      String last = user.getLastName() == null ? "" : user.getLastName();
      names.add(last + first);
      names.add(first + last);
    }
    return names;
  }

  private static String normalise(String name) {
    return name == null ? "" : name.replaceAll("[\\s·•.]", "");
  }
}
