package cn.faultaccountability.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision contracts and the vocabulary, read from {@code contracts.yaml} and {@code vocabulary.yaml} in the
 * decisions folder; when the folder has none (the command run from the jar elsewhere), the copies inside the jar.
 */
public final class DecisionContracts {

  public static final String CONTRACTS_FILE = "contracts.yaml";
  public static final String VOCABULARY_FILE = "vocabulary.yaml";

  /** A jurisdiction as the contracts know it: Chinese name and the short names its bases may cite. */
  public record Tenant(String id, String name, List<String> regulations) {
  }

  private final Map<String, Tenant> tenants;
  private final Map<String, DecisionContract> decisions;
  private final Vocabulary vocabulary;

  private DecisionContracts(Map<String, Tenant> tenants, Map<String, DecisionContract> decisions,
      Vocabulary vocabulary) {
    this.tenants = tenants;
    this.decisions = decisions;
    this.vocabulary = vocabulary;
  }

  /** Reads both files from the folder, falling back to the jar's {@code decisions/} for a missing one. */
  public static DecisionContracts load(Path decisionsDir) {
    Object contracts = read(decisionsDir.resolve(CONTRACTS_FILE), CONTRACTS_FILE);
    Object vocabulary = read(decisionsDir.resolve(VOCABULARY_FILE), VOCABULARY_FILE);
    return parse(contracts, vocabulary);
  }

  private static Object read(Path file, String name) {
    try {
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          return YamlSupport.load(in);
        }
      }
      try (InputStream in = DecisionContracts.class.getClassLoader().getResourceAsStream("decisions/" + name)) {
        if (in == null) {
          throw new IllegalStateException("找不到 " + file + "（程序包中也没有 decisions/" + name + "）");
        }
        return YamlSupport.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取 " + file, e);
    }
  }

  static DecisionContracts parse(Object contractsRoot, Object vocabularyRoot) {
    Vocabulary vocabulary = Vocabulary.fromYaml(vocabularyRoot, VOCABULARY_FILE);
    Map<?, ?> root = map(contractsRoot, CONTRACTS_FILE);
    Map<String, Tenant> tenants = new LinkedHashMap<>();
    map(root.get("tenants"), CONTRACTS_FILE + " tenants").forEach((id, body) -> {
      Map<?, ?> tenant = map(body, "tenants." + id);
      tenants.put(String.valueOf(id), new Tenant(String.valueOf(id), string(tenant.get("name")),
          strings(tenant.get("regulations"))));
    });
    Map<String, DecisionContract> decisions = new LinkedHashMap<>();
    for (Object item : list(root.get("decisions"), CONTRACTS_FILE + " decisions")) {
      Map<?, ?> d = map(item, "decisions[]");
      String key = string(d.get("key"));
      List<DecisionContract.Input> inputs = new ArrayList<>();
      for (Object i : list(d.get("inputs"), key + ".inputs")) {
        Map<?, ?> input = map(i, key + ".inputs[]");
        inputs.add(new DecisionContract.Input(string(input.get("name")), string(input.get("label")),
            string(input.get("type")), string(input.get("vocabulary")), "required".equals(input.get("column"))));
      }
      List<DecisionContract.Output> outputs = new ArrayList<>();
      for (Object o : list(d.get("outputs"), key + ".outputs")) {
        Map<?, ?> output = map(o, key + ".outputs[]");
        outputs.add(new DecisionContract.Output(string(output.get("name")), string(output.get("label")),
            string(output.get("type")), string(output.get("vocabulary")), Boolean.TRUE.equals(output.get("nullable"))));
      }
      List<DecisionContract.Constraint> constraints = new ArrayList<>();
      if (d.get("constraints") != null) {
        for (Object c : list(d.get("constraints"), key + ".constraints")) {
          Map<?, ?> constraint = map(c, key + ".constraints[]");
          constraints.add(new DecisionContract.Constraint(stringMap(constraint.get("when")),
              stringMap(constraint.get("inputEntry")), stringMap(constraint.get("outputEntry")),
              string(constraint.get("reason"))));
        }
      }
      DecisionContract contract = new DecisionContract(key, string(d.get("name")), string(d.get("hitPolicy")),
          strings(d.get("tenants")), List.copyOf(inputs), List.copyOf(outputs),
          Boolean.TRUE.equals(d.get("orderedColumns")), string(d.get("everyCodeOf")), List.copyOf(constraints));
      for (var input : inputs) {
        requireGroup(vocabulary, key, input.name(), input.vocabulary());
      }
      for (var output : outputs) {
        requireGroup(vocabulary, key, output.name(), output.vocabulary());
      }
      decisions.put(key, contract);
    }
    return new DecisionContracts(tenants, decisions, vocabulary);
  }

  private static void requireGroup(Vocabulary vocabulary, String key, String name, String group) {
    if (group != null && vocabulary.group(group).isEmpty()) {
      throw new IllegalArgumentException(CONTRACTS_FILE + "：" + key + "." + name + " 引用了词汇表中不存在的组 " + group);
    }
  }

  public Map<String, Tenant> tenants() {
    return tenants;
  }

  public Map<String, DecisionContract> decisions() {
    return decisions;
  }

  public Optional<DecisionContract> decision(String key) {
    return Optional.ofNullable(decisions.get(key));
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The contracts that apply to a tenant, in file order. */
  public List<DecisionContract> decisionsOf(String tenant) {
    return decisions.values().stream().filter(c -> c.appliesTo(tenant)).toList();
  }

  private static Map<?, ?> map(Object value, String where) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(where + " 应为映射（key: value）");
  }

  private static List<?> list(Object value, String where) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException(where + " 应为列表");
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  private static Map<String, String> stringMap(Object value) {
    Map<String, String> result = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
    }
    return result;
  }
}
