package com.steadydesk.scripts.internal;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.scripts.ScriptCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category tree (script_categories): read by everyone, edited by admins. */
@Repository
public class ScriptCategories {

    /** The tree changes rarely but is read per indexed document; other nodes pick up an edit within this time. */
    private static final long CACHE_MILLIS = 30_000;

    private final JdbcClient jdbc;
    private volatile List<ScriptCategory> cached;
    private volatile long cachedAt;

    ScriptCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All categories, parents before their children, each level by position. */
    public List<ScriptCategory> tree() {
        List<ScriptCategory> tree = cached;
        if (tree == null || System.currentTimeMillis() - cachedAt > CACHE_MILLIS) {
            tree = load();
            cached = tree;
            cachedAt = System.currentTimeMillis();
        }
        return tree;
    }

    private List<ScriptCategory> load() {
        List<ScriptCategory> all = jdbc.sql("select id, parent_id, code, name_zh, name_en, position from script_categories order by position, id")
                .query((rs, n) -> new ScriptCategory(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list();
        var ordered = new ArrayList<ScriptCategory>();
        all.stream().filter(c -> c.parentId() == null).forEach(root -> {
            ordered.add(root);
            all.stream().filter(c -> root.id() == (c.parentId() == null ? -1 : c.parentId())).forEach(ordered::add);
        });
        return ordered;
    }

    public Optional<ScriptCategory> find(long id) {
        return tree().stream().filter(c -> c.id() == id).findFirst();
    }

    /** A category by its code or by its Chinese or English name (import files use either). */
    public Optional<ScriptCategory> findByCodeOrName(String value) {
        String v = value == null ? "" : value.strip();
        return tree().stream().filter(c -> c.code().equalsIgnoreCase(v) || c.nameZh().equals(v) || c.nameEn().equalsIgnoreCase(v)).findFirst();
    }

    /** The code of the top-level category a category belongs to (for the linter, topics and ranking). */
    public String rootCode(long id) {
        List<ScriptCategory> tree = tree();
        ScriptCategory c = tree.stream().filter(x -> x.id() == id).findFirst().orElseThrow(() -> new IllegalArgumentException("unknown category " + id));
        while (c.parentId() != null) {
            long parent = c.parentId();
            c = tree.stream().filter(x -> x.id() == parent).findFirst().orElseThrow();
        }
        return c.code();
    }

    /** The category and its children. */
    public List<Long> withChildren(long id) {
        var ids = new ArrayList<Long>();
        ids.add(id);
        tree().stream().filter(c -> c.parentId() != null && c.parentId() == id).forEach(c -> ids.add(c.id()));
        return ids;
    }

    public long add(Long parentId, String code, String nameZh, String nameEn, int position) {
        if (code == null || !code.matches("[a-z0-9-]{2,64}")) {
            throw new IllegalArgumentException("code must be 2-64 lower-case letters, digits or -");
        }
        if (parentId != null && find(parentId).map(ScriptCategory::parentId).orElse(null) != null) {
            throw new DomainRuleViolation("category.too-deep", "categories have two levels");
        }
        long id = jdbc.sql("insert into script_categories (parent_id, code, name_zh, name_en, position) values (?, ?, ?, ?, ?) returning id")
                .params(parentId, code, nameZh, nameEn, position).query(Long.class).single();
        cached = null;
        return id;
    }

    public void rename(long id, String nameZh, String nameEn, int position) {
        jdbc.sql("update script_categories set name_zh = ?, name_en = ?, position = ? where id = ?").params(nameZh, nameEn, position, id).update();
        cached = null;
    }

    /** Removes an empty category; one with scripts or children stays. */
    public void remove(long id) {
        long used = jdbc.sql("select count(*) from scripts where category_id = ?").param(id).query(Long.class).single()
                + jdbc.sql("select count(*) from script_categories where parent_id = ?").param(id).query(Long.class).single();
        if (used > 0) {
            throw new DomainRuleViolation("category.in-use", "the category still has scripts or sub-categories");
        }
        jdbc.sql("delete from script_categories where id = ?").param(id).update();
        cached = null;
    }
}
