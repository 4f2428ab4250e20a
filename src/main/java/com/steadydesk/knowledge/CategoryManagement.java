package com.steadydesk.knowledge;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.knowledge.internal.Slugs;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category tree of the knowledge base (zh/en names), edited by admins. */
@Service
public class CategoryManagement {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CategoryManagement(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** All categories, depth-first in tree order (parents before their children, siblings by position then name). */
    public List<Category> tree() {
        List<Category> flat = jdbc.sql("select id, parent_id, slug, name_zh, name_en, position from kb_categories")
                .query((rs, i) -> new Category(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("slug"),
                        rs.getString("name_zh"), rs.getString("name_en"), rs.getInt("position"), 0)).list();
        Map<Long, List<Category>> byParent = flat.stream().collect(Collectors.groupingBy(c -> c.parentId() == null ? 0L : c.parentId()));
        var out = new ArrayList<Category>();
        walk(byParent, 0L, 0, out);
        return out;
    }

    private static void walk(Map<Long, List<Category>> byParent, long parent, int depth, List<Category> out) {
        byParent.getOrDefault(parent, List.of()).stream()
                .sorted(Comparator.comparingInt(Category::position).thenComparing(Category::nameZh))
                .forEach(c -> {
                    out.add(new Category(c.id(), c.parentId(), c.slug(), c.nameZh(), c.nameEn(), c.position(), depth));
                    if (depth < 10) {
                        walk(byParent, c.id(), depth + 1, out);
                    }
                });
    }

    public Optional<Category> find(long id) {
        return tree().stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Category> findBySlug(String slug) {
        return tree().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    /** The category and all below it, for "articles in this category". */
    public List<Long> withDescendants(long id) {
        var ids = new ArrayList<Long>();
        ids.add(id);
        List<Category> all = tree();
        for (int i = 0; i < ids.size(); i++) {
            long parent = ids.get(i);
            all.stream().filter(c -> Objects.equals(c.parentId(), parent)).forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    @Transactional
    public Category create(CategoryForm form) {
        String slug = form.slug() == null || form.slug().isBlank() ? Slugs.of(form.nameEn().isBlank() ? form.nameZh() : form.nameEn()) : form.slug();
        if (jdbc.sql("select count(*) from kb_categories where slug = ?").param(slug).query(Integer.class).single() > 0) {
            throw new DomainRuleViolation("category.slug-taken", "slug " + slug + " is taken");
        }
        checkParent(null, form.parentId());
        long id = jdbc.sql("insert into kb_categories (parent_id, slug, name_zh, name_en, position) values (?, ?, ?, ?, ?) returning id")
                .params(form.parentId(), slug, form.nameZh().strip(), form.nameEn().strip(), form.position())
                .query(Long.class).single();
        audit.record("knowledge.category-created", "category:" + id, slug);
        return find(id).orElseThrow();
    }

    @Transactional
    public void update(long id, CategoryForm form) {
        find(id).orElseThrow(() -> new NotFoundException("category", id));
        checkParent(id, form.parentId());
        jdbc.sql("update kb_categories set parent_id = ?, name_zh = ?, name_en = ?, position = ?, version = version + 1 where id = ?")
                .params(form.parentId(), form.nameZh().strip(), form.nameEn().strip(), form.position(), id).update();
        audit.record("knowledge.category-updated", "category:" + id, form.nameZh());
    }

    /** Only an empty leaf can go: articles and sub-categories would be orphaned otherwise. */
    @Transactional
    public void delete(long id) {
        find(id).orElseThrow(() -> new NotFoundException("category", id));
        int children = jdbc.sql("select count(*) from kb_categories where parent_id = ?").param(id).query(Integer.class).single();
        int articles = jdbc.sql("select count(*) from kb_articles where category_id = ?").param(id).query(Integer.class).single();
        if (children > 0 || articles > 0) {
            throw new DomainRuleViolation("category.not-empty", "the category still has sub-categories or articles");
        }
        jdbc.sql("delete from kb_categories where id = ?").param(id).update();
        audit.record("knowledge.category-deleted", "category:" + id, null);
    }

    /** A category may not become its own ancestor. */
    private void checkParent(Long id, Long parentId) {
        if (parentId == null) {
            return;
        }
        find(parentId).orElseThrow(() -> new NotFoundException("category", parentId));
        if (id != null && withDescendants(id).contains(parentId)) {
            throw new DomainRuleViolation("category.cycle", "a category cannot sit below itself");
        }
    }

    /** Create or edit a category. */
    public record CategoryForm(Long parentId, String slug,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 120) String nameZh,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 120) String nameEn,
            int position) {
    }
}
