package com.steadydesk.scripts.internal;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptCategory;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.Severity;
import com.steadydesk.scripts.internal.lint.LintSubject;
import com.steadydesk.scripts.internal.lint.PlaceholderRule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import of scripts from xlsx or CSV (columns in docs/scripts-import.md): upload → preview of every row, valid or with
 * its errors, nothing written → confirm → rows written as drafts in batches, with progress for the page to poll.
 */
@Service
public class ScriptImport {

    /** Column name → accepted headers (English code first, then Chinese). */
    static final Map<String, List<String>> COLUMNS = new java.util.LinkedHashMap<>();

    static {
        COLUMNS.put("title", List.of("title", "标题"));
        COLUMNS.put("category", List.of("category", "分类"));
        COLUMNS.put("language", List.of("language", "语言"));
        COLUMNS.put("body", List.of("body", "正文", "内容"));
        COLUMNS.put("tags", List.of("tags", "标签"));
        COLUMNS.put("audience", List.of("audience", "受众"));
        COLUMNS.put("segment", List.of("segment", "客户分群"));
        COLUMNS.put("when_to_use", List.of("when_to_use", "适用场景"));
        COLUMNS.put("when_not_to_use", List.of("when_not_to_use", "不适用场景"));
        COLUMNS.put("what_to_adapt", List.of("what_to_adapt", "需调整内容"));
        COLUMNS.put("placeholders", List.of("placeholders", "占位符"));
        COLUMNS.put("expires_on", List.of("expires_on", "过期日期"));
        COLUMNS.put("crisis_id", List.of("crisis_id", "危机编号"));
    }

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final ScriptCategories categories;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    ScriptImport(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, ScriptCategories categories, AuditLog audit,
            Clock clock, @Value("${steadydesk.display-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.categories = categories;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** One row of the file: its line number, the draft when valid, or its errors. */
    public record Row(int line, String title, ScriptDraft draft, List<String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** State of an import for the progress display. */
    public record Progress(long id, String filename, String status, int total, int done, String error) {

        public int percent() {
            return total == 0 ? 0 : (int) (100L * done / total);
        }
    }

    /** Keeps the uploaded file for preview and confirmation; nothing else is written. */
    public long upload(String filename, byte[] content, String by) {
        return jdbc.sql("insert into script_imports (filename, content, status, created_by, created_at) values (?, ?, 'PREVIEW', ?, ?) returning id")
                .params(filename == null ? "upload" : filename, content, by, Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** Parses and checks every row of the uploaded file; writes nothing. */
    public List<Row> preview(long importId) {
        Map<String, Object> upload = jdbc.sql("select filename, content from script_imports where id = ?").param(importId).query().singleRow();
        return parse((String) upload.get("filename"), (byte[]) upload.get("content"));
    }

    public List<Row> parse(String filename, byte[] content) {
        List<List<String>> table;
        try {
            table = ImportFile.rows(filename, content);
        } catch (IllegalArgumentException e) {
            return List.of(new Row(1, "", null, List.of(e.getMessage())));
        }
        if (table.isEmpty()) {
            return List.of(new Row(1, "", null, List.of("the file is empty")));
        }
        Map<String, Integer> header = header(table.get(0));
        var rows = new ArrayList<Row>();
        if (!header.containsKey("title") || !header.containsKey("body") || !header.containsKey("category")) {
            rows.add(new Row(1, "", null, List.of("the header row needs at least the columns title, category and body")));
            return rows;
        }
        Map<String, Optional<ScriptCategory>> categoryCache = new HashMap<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(row(i + 1, cells, header, categoryCache));
        }
        return rows;
    }

    /** Writes the valid rows of the upload as drafts, in batches, updating the progress as it goes. */
    public void commit(long importId, String by) {
        try {
            List<Row> valid = preview(importId).stream().filter(Row::valid).toList();
            jdbc.sql("update script_imports set status = 'RUNNING', total = ?, done = 0 where id = ?").params(valid.size(), importId).update();
            Instant now = clock.instant();
            for (int from = 0; from < valid.size(); from += BATCH) {
                List<Row> batch = valid.subList(from, Math.min(from + BATCH, valid.size()));
                transactions.executeWithoutResult(tx -> insert(batch, by, now));
                jdbc.sql("update script_imports set done = ? where id = ?").params(from + batch.size(), importId).update();
            }
            jdbc.sql("update script_imports set status = 'DONE', content = ''::bytea where id = ?").param(importId).update();
            audit.recordAs(by, "script.imported", "import:" + importId, valid.size() + " drafts");
        } catch (RuntimeException e) {
            jdbc.sql("update script_imports set status = 'FAILED', error = ? where id = ?").params(String.valueOf(e.getMessage()), importId).update();
            throw e;
        }
    }

    public Progress progress(long importId) {
        return jdbc.sql("select id, filename, status, total, done, error from script_imports where id = ?").param(importId)
                .query((rs, n) -> new Progress(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6)))
                .optional().orElseThrow(() -> new NotFoundException("import", importId));
    }

    private void insert(List<Row> rows, String by, Instant now) {
        List<Long> ids = jdbc.sql("select nextval('scripts_id_seq') from generate_series(1, ?)").param(rows.size()).query(Long.class).list();
        Timestamp at = Timestamp.from(now);
        var scriptArgs = new ArrayList<Object[]>(rows.size());
        var versionArgs = new ArrayList<Object[]>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ScriptDraft d = rows.get(i).draft();
            Timestamp expires = d.expiresAt() == null ? null : Timestamp.from(d.expiresAt());
            String tags = ContentColumns.tags(d.tags());
            String placeholders = ContentColumns.placeholders(d.placeholders());
            scriptArgs.add(new Object[] {ids.get(i), d.title(), d.categoryId(), d.language(), d.body(), tags, d.audience().name(), d.segment(),
                    d.whenToUse(), d.whenNotToUse(), d.whatToAdapt(), placeholders, by, d.crisisId(), expires, by,
                    PinyinKeys.initials(d.title()), PinyinKeys.full(d.title()), at, at});
            versionArgs.add(new Object[] {ids.get(i), d.title(), d.categoryId(), d.language(), d.body(), tags, d.audience().name(), d.segment(),
                    d.whenToUse(), d.whenNotToUse(), d.whatToAdapt(), placeholders, d.crisisId(), expires, by, at});
        }
        jdbcTemplate.batchUpdate("""
                insert into scripts (id, title, category_id, language, body, tags, audience, segment, when_to_use, when_not_to_use,
                    what_to_adapt, placeholders, owner, crisis_id, expires_at, status, working_version, author, pinyin_initials, pinyin_full,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 1, ?, ?, ?, ?, ?)""", scriptArgs);
        jdbcTemplate.batchUpdate("""
                insert into script_versions (script_id, version, title, category_id, language, body, tags, audience, segment, when_to_use,
                    when_not_to_use, what_to_adapt, placeholders, crisis_id, expires_at, author, created_at)
                values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", versionArgs);
    }

    private Row row(int line, List<String> cells, Map<String, Integer> header, Map<String, Optional<ScriptCategory>> categoryCache) {
        var errors = new ArrayList<String>();
        String title = cell(cells, header, "title");
        String body = cell(cells, header, "body");
        if (title.isBlank()) {
            errors.add("title is empty");
        } else if (title.length() > 200) {
            errors.add("title is longer than 200 characters");
        }
        if (body.isBlank()) {
            errors.add("body is empty");
        }
        String categoryValue = cell(cells, header, "category");
        Optional<ScriptCategory> category = categoryCache.computeIfAbsent(categoryValue, categories::findByCodeOrName);
        if (category.isEmpty()) {
            errors.add("unknown category \"" + categoryValue + "\"");
        }
        String language = language(cell(cells, header, "language"));
        if (language == null) {
            errors.add("language must be zh-CN or en");
        }
        Audience audience = audience(cell(cells, header, "audience"));
        if (audience == null) {
            errors.add("audience must be ALL, VIP or SEGMENT");
        }
        String segment = cell(cells, header, "segment");
        if (audience == Audience.SEGMENT && segment.isBlank()) {
            errors.add("a SEGMENT script needs the segment column");
        }
        List<Placeholder> placeholders = List.of();
        try {
            placeholders = Placeholder.parseList(cell(cells, header, "placeholders"));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        Instant expires = null;
        String expiresOn = cell(cells, header, "expires_on");
        if (!expiresOn.isBlank()) {
            try {
                expires = LocalDate.parse(expiresOn.strip().replace('/', '-')).plusDays(1).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("expires_on must be a date like 2026-12-31");
            }
        }
        Long crisisId = null;
        String crisis = cell(cells, header, "crisis_id");
        if (!crisis.isBlank()) {
            try {
                crisisId = Long.parseLong(crisis.strip());
            } catch (NumberFormatException e) {
                errors.add("crisis_id must be a number");
            }
        }
        ScriptDraft draft = null;
        if (errors.isEmpty()) {
            draft = new ScriptDraft(title, category.get().id(), language, body, ScriptDraft.parseTags(cell(cells, header, "tags")),
                    audience, segment, cell(cells, header, "when_to_use"), cell(cells, header, "when_not_to_use"), cell(cells, header, "what_to_adapt"),
                    placeholders, crisisId, expires);
            for (LintFinding f : new PlaceholderRule().check(new LintSubject(null, draft, null, null, null))) {
                if (f.severity() == Severity.ERROR) {
                    errors.add("placeholder " + f.excerpt() + ": " + f.messageKey().substring("lint.placeholder.".length()));
                }
            }
            if (!errors.isEmpty()) {
                draft = null;
            }
        }
        return new Row(line, title, draft, errors);
    }

    private static String language(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "zh", "zh-cn", "zh_cn", "中文", "简体中文" -> "zh-CN";
            case "en", "en-us", "english", "英文", "英语" -> "en";
            default -> null;
        };
    }

    private static Audience audience(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "", "ALL", "全部", "所有客户" -> Audience.ALL;
            case "VIP" -> Audience.VIP;
            case "SEGMENT", "细分", "客户分群" -> Audience.SEGMENT;
            default -> null;
        };
    }

    private static Map<String, Integer> header(List<String> cells) {
        var map = new HashMap<String, Integer>();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i).strip().toLowerCase(Locale.ROOT);
            for (var column : COLUMNS.entrySet()) {
                if (column.getValue().contains(h)) {
                    map.putIfAbsent(column.getKey(), i);
                }
            }
        }
        return map;
    }

    private static String cell(List<String> cells, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).strip();
    }
}
