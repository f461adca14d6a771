package cn.faultaccountability.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** XHTML to PDF; the fonts are embedded (subset), so the document renders the same in any viewer. */
@Component
public class PdfRenderer {

  private final DocumentTemplates templates;

  public PdfRenderer(DocumentTemplates templates) {
    this.templates = templates;
  }

  public byte[] render(String xhtml, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null)
        .toStream(out);
    for (DocumentTemplates.Font font : templates.fonts()) {
      builder.useFont(() -> {
        try {
          return font.open();
        } catch (IOException e) {
          throw new UncheckedIOException("字体 " + font.family() + " 无法读取", e);
        }
      }, font.family());
    }
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("文书 " + title + " 生成失败", e);
    }
    return out.toByteArray();
  }
}
