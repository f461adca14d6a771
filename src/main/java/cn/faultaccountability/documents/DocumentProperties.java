package cn.faultaccountability.documents;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code accountability.documents.*} (application.yaml).
 *
 * @param dir the administrators' document folder (env {@code DOCUMENTS_DIR}): a {@code <tenant>/decision.html} there
 *     replaces the template shipped in the jar under {@code documents/<tenant>/}, and every {@code fonts/*.ttf} there
 *     is offered to templates under its file name (without {@code .ttf}) as a font family; read anew for each
 *     document, so a change needs no rebuild and no restart (docs/documents.md)
 * @param concurrentRenders documents rendered at once; more wait their turn. Each render holds its parsed CJK fonts
 *     and their glyph tables (tens of MiB) until the document is written: eight at once exhausted a 512 MiB heap in
 *     the benchmark, and on two cores more renders at once are not faster anyway (docs/performance.md)
 */
@ConfigurationProperties(prefix = "accountability.documents")
public record DocumentProperties(@DefaultValue("./documents") String dir,
    @DefaultValue("2") int concurrentRenders) {

  public Path directory() {
    return Path.of(dir);
  }
}
