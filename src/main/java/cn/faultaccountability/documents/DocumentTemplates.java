package cn.faultaccountability.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Where a tenant's document template and the fonts come from: the administrators' folder first, then the jar
 * ({@code documents/<tenant>/<name>}, {@code documents/fonts/}).
 */
@Component
public class DocumentTemplates {

  /** The font the shipped templates name (font-family "WenQuanYi Micro Hei"); licence beside it in the jar. */
  public static final String SHIPPED_FONT_FAMILY = "WenQuanYi Micro Hei";
  static final String SHIPPED_FONT = "documents/fonts/wqy-microhei.ttf";

  private final Path directory;

  public DocumentTemplates(DocumentProperties properties) {
    this.directory = properties.directory();
  }

  /** A template's text and where it came from (recorded with each document). */
  public record Template(String text, String origin) {}

  /** A font family a template may name, and how to read its TrueType file. */
  public record Font(String family, Path file, String classpath) {
    InputStream open() throws IOException {
      return file != null ? Files.newInputStream(file) : new ClassPathResource(classpath).getInputStream();
    }
  }

  public Template template(String tenantId, String name) {
    Path override = directory.resolve(tenantId).resolve(name);
    try {
      if (Files.isRegularFile(override)) {
        return new Template(Files.readString(override, StandardCharsets.UTF_8), override.toAbsolutePath().toString());
      }
      ClassPathResource shipped = new ClassPathResource("documents/" + tenantId + "/" + name);
      if (!shipped.exists()) {
        throw new IllegalStateException("没有辖区 " + tenantId + " 的文书模板 " + name + "（" + override.toAbsolutePath()
            + " 与 jar 内 documents/" + tenantId + "/" + name + " 均不存在）");
      }
      try (InputStream in = shipped.getInputStream()) {
        return new Template(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            "classpath:documents/" + tenantId + "/" + name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("文书模板 " + override + " 无法读取", e);
    }
  }

  /** The shipped font, then each {@code <dir>/fonts/*.ttf} under its file name. */
  public List<Font> fonts() {
    List<Font> fonts = new ArrayList<>();
    fonts.add(new Font(SHIPPED_FONT_FAMILY, null, SHIPPED_FONT));
    Path folder = directory.resolve("fonts");
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".ttf")).sorted().forEach(f -> {
          String file = f.getFileName().toString();
          fonts.add(new Font(file.substring(0, file.length() - 4), f, null));
        });
      } catch (IOException e) {
        throw new UncheckedIOException("字体目录 " + folder + " 无法读取", e);
      }
    }
    return fonts;
  }
}
