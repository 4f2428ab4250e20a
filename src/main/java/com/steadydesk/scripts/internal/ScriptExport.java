package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptCategory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Export of the whole library (working copies with status and versions) as xlsx — in the import's columns — or JSON. */
@Service
public class ScriptExport {

    private final JdbcClient jdbc;
    private final ScriptCategories categories;
    private final ZoneId zone;

    ScriptExport(JdbcClient jdbc, ScriptCategories categories, @Value("${steadydesk.display-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.zone = zone;
    }

    /** One exported script. */
    public record ExportedScript(long id, String title, String category, String language, String body, List<String> tags, String audience,
            String segment, String whenToUse, String whenNotToUse, String whatToAdapt, List<Placeholder> placeholders, Long crisisId,
            Instant expiresAt, String status, int workingVersion, Integer approvedVersion, String owner, Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    public void each(Consumer<ExportedScript> consumer) {
        Map<Long, ScriptCategory> byId = categories.tree().stream().collect(Collectors.toMap(ScriptCategory::id, Function.identity()));
        try (var stream = jdbc.sql("""
                        select id, title, category_id, language, body, tags, audience, segment, when_to_use, when_not_to_use, what_to_adapt,
                               placeholders, crisis_id, expires_at, status, working_version, approved_version, owner, updated_at
                        from scripts order by id""")
                .query((rs, n) -> new ExportedScript(rs.getLong(1), rs.getString(2), byId.get(rs.getLong(3)).code(), rs.getString(4),
                        rs.getString(5), ContentColumns.tags(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), ContentColumns.placeholders(rs.getString(12)), (Long) rs.getObject(13),
                        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getInt(16),
                        (Integer) rs.getObject(17), rs.getString(18), rs.getTimestamp(19).toInstant())).stream()) {
            stream.forEach(consumer);
        }
    }

    public List<ExportedScript> all() {
        var list = new java.util.ArrayList<ExportedScript>();
        each(list::add);
        return list;
    }

    /** Writes the xlsx; its first columns are the import columns, so an export can be edited and imported again. */
    public void xlsx(OutputStream out) {
        try (var workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("scripts");
            String[] header = {"title", "category", "language", "body", "tags", "audience", "segment", "when_to_use", "when_not_to_use",
                    "what_to_adapt", "placeholders", "expires_on", "crisis_id", "id", "status", "working_version", "approved_version", "owner"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            int[] r = {1};
            each(s -> {
                Row row = sheet.createRow(r[0]++);
                Object[] values = {s.title(), s.category(), s.language(), s.body(), String.join(", ", s.tags()), s.audience(), s.segment(),
                        s.whenToUse(), s.whenNotToUse(), s.whatToAdapt(),
                        s.placeholders().stream().map(p -> p.name() + "|" + p.label() + "|" + (p.required() ? "required" : "optional"))
                                .collect(Collectors.joining("; ")),
                        s.expiresAt() == null ? null : s.expiresAt().atZone(zone).toLocalDate().minusDays(1).toString(), s.crisisId(), s.id(),
                        s.status(), s.workingVersion(), s.approvedVersion(), s.owner()};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (values[i] != null) {
                        row.createCell(i).setCellValue(values[i].toString());
                    }
                }
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
