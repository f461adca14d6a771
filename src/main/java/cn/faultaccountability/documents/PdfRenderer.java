package cn.faultaccountability.documents;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * XHTML to PDF; the fonts are embedded (subset), so the document renders the same in any viewer. The fonts are
 * parsed once and reused ({@link ParsedFonts}); each document embeds the subset of glyphs it uses.
 */
@Component
public class PdfRenderer {

  private final DocumentTemplates templates;
  private final ParsedFonts parsedFonts = new ParsedFonts();

  public PdfRenderer(DocumentTemplates templates) {
    this.templates = templates;
  }

  public byte[] render(String xhtml, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ParsedFonts.Lease> leases = new ArrayList<>();
    try (PDDocument document = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().usePDDocument(document)
          .withHtmlContent(xhtml, null).toStream(out);
      for (DocumentTemplates.Font font : templates.fonts()) {
        ParsedFonts.Lease lease;
        try {
          lease = parsedFonts.borrow(font);
        } catch (IOException e) {
          throw new UncheckedIOException("字体 " + font.family() + " 无法读取", e);
        }
        leases.add(lease);
        // embedded as a subset when the document is saved, while the lease is still held
        builder.useFont(new PDFontSupplier(PDType0Font.load(document, lease.font(), true)), font.family());
      }
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("文书 " + title + " 生成失败", e);
    } finally {
      for (ParsedFonts.Lease lease : leases) {
        try {
          lease.close();
        } catch (IOException e) {
          // a font that cannot be closed is dropped; the document is already written
        }
      }
    }
    return out.toByteArray();
  }
}
