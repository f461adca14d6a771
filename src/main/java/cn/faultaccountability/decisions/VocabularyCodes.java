package cn.faultaccountability.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The vocabulary shipped with the tables ({@code decisions/vocabulary.yaml}) for the running system: what the
 * procedure accepts as a code (factors, fault categories, measures, ...) and the Chinese term it shows.
 */
@Component
public class VocabularyCodes {

  static final String RESOURCE = "decisions/vocabulary.yaml";
  private final Vocabulary vocabulary;

  public VocabularyCodes() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      this.vocabulary = Vocabulary.fromYaml(new Yaml().load(in), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取词汇表 " + RESOURCE, e);
    }
  }

  public boolean contains(String group, String code) {
    return vocabulary.group(group).map(g -> g.contains(code)).orElse(false);
  }

  /** The Chinese term, or the code itself where the vocabulary has none. */
  public String term(String group, String code) {
    return code == null ? null : vocabulary.term(group, code).orElse(code);
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }
}
