package cn.faultaccountability.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many decision documents at once (the benchmark drove eight cases at a time into a 512 MiB heap, which eight
 * renders holding their parsed CJK fonts exhausted): all are written, never more than the configured number at once.
 */
class PdfRendererTest {

  @TempDir Path folder;

  @Test
  void eightDocumentsAtOnceAreAllWrittenTwoAtATime() throws Exception {
    PdfRenderer renderer = new PdfRenderer(new DocumentTemplates(new DocumentProperties(folder.toString(), 2)),
        new DocumentProperties(folder.toString(), 2));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> documents = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String body = "<html><head><style>body { font-family: \"WenQuanYi Micro Hei\"; }</style></head><body>"
            + "<p>行政执法过错责任追究决定书 第" + i + "号</p></body></html>";
        documents.add(pool.submit(() -> renderer.render(body, "决定书")));
      }
      for (Future<byte[]> document : documents) {
        assertThat(new String(document.get(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(renderer.rendersAtOnceMost()).isBetween(1, 2);
  }

  @Test
  void atLeastOneRenderAtATime() {
    assertThatThrownBy(() -> new PdfRenderer(new DocumentTemplates(new DocumentProperties(folder.toString(), 0)),
        new DocumentProperties(folder.toString(), 0))).hasMessageContaining("concurrent-renders");
  }
}
