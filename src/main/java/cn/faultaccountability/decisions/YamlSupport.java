package cn.faultaccountability.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the hand-written YAML files (vocabulary, contracts, case files) with a deliberately small set of implicit
 * types: only {@code true}/{@code false} are booleans (YAML 1.1 would turn codes such as {@code YES}/{@code NO}/{@code
 * ON} into booleans), and {@code 2025-01-10} stays a string, so that the runner turns it into a date at LOCAL midnight
 * (YAML 1.1 timestamps are UTC midnight, which is the previous day in China).
 */
final class YamlSupport {

  private YamlSupport() {
  }

  static Object load(InputStream in) throws IOException {
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return yaml().load(reader);
    }
  }

  static Object load(String text) {
    return yaml().load(text);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new PlainResolver());
  }

  /** Booleans true/false, integers, decimals, null; everything else is a string. */
  private static final class PlainResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
      addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789");
      addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]+)$"), "-+0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }
}
