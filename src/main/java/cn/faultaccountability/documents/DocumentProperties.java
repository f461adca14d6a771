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
 */
@ConfigurationProperties(prefix = "accountability.documents")
public record DocumentProperties(@DefaultValue("./documents") String dir) {

  public Path directory() {
    return Path.of(dir);
  }
}
