package cn.faultaccountability.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code fa_case_document}: the documents of a case, versioned per kind, in the engine's transaction. */
@Repository
public class DocumentRepository {

  private final JdbcTemplate jdbc;

  public DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Without the content. {@code current}: not superseded by a later version. */
  public record DocumentInfo(long id, long caseId, String kind, int version, String fileName, String contentType,
      int size, String sha256, String template, String reason, String createdBy, LocalDateTime createdAt,
      LocalDateTime supersededAt) {
    public boolean current() {
      return supersededAt == null;
    }
  }

  /** Stores a new version of the kind; the previous current version is superseded. Returns the new row. */
  public DocumentInfo add(long caseId, String kind, String fileName, String contentType, byte[] content,
      String template, String reason, String createdBy) {
    LocalDateTime now = LocalDateTime.now();
    Integer last = jdbc.queryForObject("select max(version) from fa_case_document where case_id = ? and kind = ?",
        Integer.class, caseId, kind);
    int version = last == null ? 1 : last + 1;
    jdbc.update("update fa_case_document set superseded_at = ? where case_id = ? and kind = ? "
        + "and superseded_at is null", Timestamp.valueOf(now), caseId, kind);
    jdbc.update("insert into fa_case_document (case_id, kind, version, file_name, content_type, content, sha256, "
        + "template, reason, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, kind, version,
        fileName.replace("{version}", String.valueOf(version)), contentType, content, sha256(content), template,
        reason, createdBy, Timestamp.valueOf(now));
    return list(caseId).stream().filter(d -> d.kind().equals(kind) && d.version() == version).findFirst()
        .orElseThrow();
  }

  public List<DocumentInfo> list(long caseId) {
    return jdbc.query("select id, case_id, kind, version, file_name, content_type, octet_length(content) as size, "
        + "sha256, template, reason, created_by, created_at, superseded_at from fa_case_document where case_id = ? "
        + "order by kind, version", (rs, i) -> new DocumentInfo(rs.getLong("id"), rs.getLong("case_id"),
            rs.getString("kind"), rs.getInt("version"), rs.getString("file_name"), rs.getString("content_type"),
            rs.getInt("size"), rs.getString("sha256"), rs.getString("template"), rs.getString("reason"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(),
            rs.getTimestamp("superseded_at") == null ? null : rs.getTimestamp("superseded_at").toLocalDateTime()),
        caseId);
  }

  public Optional<byte[]> content(long caseId, long documentId) {
    return jdbc.query("select content from fa_case_document where case_id = ? and id = ?",
        (rs, i) -> rs.getBytes("content"), caseId, documentId).stream().findFirst();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
