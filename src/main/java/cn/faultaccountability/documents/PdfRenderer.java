package cn.faultaccountability.documents;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** Bounds the heap that renders hold at once (DocumentProperties#concurrentRenders). */
  private final Semaphore rendering;
  private final AtomicInteger rendersNow = new AtomicInteger();
  private final AtomicInteger rendersAtOnceMost = new AtomicInteger();

  public PdfRenderer(DocumentTemplates templates, DocumentProperties properties) {
    if (properties.concurrentRenders() < 1) {
      throw new IllegalArgumentException("accountability.documents.concurrent-renders 须至少为 1 / must be at least 1,"
          + " was " + properties.concurrentRenders());
    }
    this.templates = templates;
    this.rendering = new Semaphore(properties.concurrentRenders(), true);
  }

  public byte[] render(String xhtml, String title) {
    try {
      rendering.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("文书 " + title + " 未生成：等待期间被中断 / interrupted while waiting", e);
    }
    try {
      rendersAtOnceMost.accumulateAndGet(rendersNow.incrementAndGet(), Math::max);
      return renderNow(xhtml, title);
    } finally {
      rendersNow.decrementAndGet();
      rendering.release();
    }
  }

  /** The most documents that were being rendered at the same moment since start. */
  int rendersAtOnceMost() {
    return rendersAtOnceMost.get();
  }

  private byte[] renderNow(String xhtml, String title) {
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
