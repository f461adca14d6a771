package cn.faultaccountability.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Parsed TrueType fonts, lent to one document at a time and then kept for the next. Reading and parsing the shipped
 * CJK font (4.6 MB) was a large part of rendering each decision document; the glyphs each document uses are still
 * subset from the parsed font, so the output is the same. A font file in the administrators' folder is parsed anew
 * once it changes (its modification time or size), so a replaced font still needs no restart. A parsed font keeps
 * a read position, so it is never shared between two documents rendered at once; a few stay idle per font.
 */
final class ParsedFonts {

  /** Idle parsed fonts kept per font file: more documents rendered at once parse their own and drop it after. */
  private static final int IDLE_PER_FONT = 2;

  /** A font file as it is now: its source, and for a file in the folder its modification time and size. */
  private record Version(String source, long modified, long size) {}

  private final Map<Version, byte[]> files = new ConcurrentHashMap<>();
  private final Map<Version, BlockingQueue<TrueTypeFont>> idle = new ConcurrentHashMap<>();

  /** A parsed font lent to one document; {@link #close()} gives it back once the document is written. */
  final class Lease implements AutoCloseable {
    private final Version version;
    private final TrueTypeFont font;

    private Lease(Version version, TrueTypeFont font) {
      this.version = version;
      this.font = font;
    }

    TrueTypeFont font() {
      return font;
    }

    @Override
    public void close() throws IOException {
      BlockingQueue<TrueTypeFont> queue = idle.get(version);
      if (queue == null || !queue.offer(font)) {
        font.close();
      }
    }
  }

  Lease borrow(DocumentTemplates.Font font) throws IOException {
    Version version = version(font);
    if (!idle.containsKey(version)) {
      forgetOlderVersions(version);
    }
    BlockingQueue<TrueTypeFont> queue = idle.computeIfAbsent(version, v -> new ArrayBlockingQueue<>(IDLE_PER_FONT));
    TrueTypeFont parsed = queue.poll();
    if (parsed == null) {
      byte[] bytes = files.get(version);
      if (bytes == null) {
        try (InputStream in = font.open()) {
          bytes = in.readAllBytes();
        }
        files.put(version, bytes);
      }
      parsed = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }
    return new Lease(version, parsed);
  }

  private static Version version(DocumentTemplates.Font font) throws IOException {
    if (font.file() == null) {
      return new Version("classpath:" + font.classpath(), 0, 0);
    }
    return new Version(font.file().toAbsolutePath().toString(), Files.getLastModifiedTime(font.file()).toMillis(),
        Files.size(font.file()));
  }

  /** A font file that changed: its earlier parsed versions are not lent again. */
  private void forgetOlderVersions(Version current) {
    files.keySet().removeIf(v -> v.source().equals(current.source()) && !v.equals(current));
    idle.entrySet().removeIf(e -> e.getKey().source().equals(current.source()) && !e.getKey().equals(current));
  }
}
