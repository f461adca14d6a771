package cn.faultaccountability.decisions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every tenant's table for one decision key must look like (SPEC §4, {@code decisions/contracts.yaml}).
 *
 * @param orderedColumns whether the input columns must appear in contract order (sanctions)
 * @param everyCodeOf    an input whose every vocabulary code needs a rule (statutory-deadlines: stage), or null
 */
public record DecisionContract(String key, String name, String hitPolicy, List<String> tenants, List<Input> inputs,
    List<Output> outputs, boolean orderedColumns, String everyCodeOf, List<Constraint> constraints) {

  /** Input types: string, boolean, integer, number, list, date. */
  public record Input(String name, String label, String type, String vocabulary, boolean required) {
  }

  /** Output types: string, boolean, duration, basis. */
  public record Output(String name, String label, String type, String vocabulary, boolean nullable) {
  }

  /**
   * A condition every rule that produces {@code when} must meet: its input entries and output entries named in
   * {@code inputEntry} / {@code outputEntry} must be exactly these FEEL texts.
   */
  public record Constraint(Map<String, String> when, Map<String, String> inputEntry, Map<String, String> outputEntry,
      String reason) {
  }

  public boolean appliesTo(String tenant) {
    return tenants.contains(tenant);
  }

  public Optional<Input> input(String name) {
    return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public Optional<Output> output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  public List<String> inputNames() {
    return inputs.stream().map(Input::name).toList();
  }

  public List<String> outputNames() {
    return outputs.stream().map(Output::name).toList();
  }

  public boolean isUnique() {
    return "UNIQUE".equals(hitPolicy);
  }
}
