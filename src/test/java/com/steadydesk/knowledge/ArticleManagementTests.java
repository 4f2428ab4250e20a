package com.steadydesk.knowledge;

import static com.steadydesk.knowledge.KnowledgeFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(properties = KnowledgeFixtures.OWN_CONTEXT)
@AutoConfigureMockMvc
@WithMockUser(username = "kb-author", roles = "SUPERVISOR")
class ArticleManagementTests {

    @Autowired
    ArticleManagement articles;
    @Autowired
    AuditLog audit;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everySaveIsANewVersionWithAuthorAndNote() {
        var a = articles.create(draft("退款多久到账（版本测试）", "第一版正文", "zh-CN", "退款"));
        articles.update(a.id(), new ArticleDraft(a.title(), null, null, "第二版正文", null, "zh-CN", List.of("退款"), null, "改了时效"), 1);

        assertThat(articles.details(a.id()).currentVersion()).isEqualTo(2);
        assertThat(articles.versions(a.id())).extracting(ArticleVersionSummary::number, ArticleVersionSummary::author, ArticleVersionSummary::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "kb-author", "改了时效"), org.assertj.core.groups.Tuple.tuple(1, "kb-author", null));
        assertThat(articles.version(a.id(), 1).body()).isEqualTo("第一版正文");
        assertThat(a.slug()).isEqualTo("tui-kuan-duo-jiu-dao-zhang-ban-ben-ce-shi");
    }

    @Test
    void diffsAnyTwoVersionsWithInsAndDel() {
        var a = articles.create(draft("Diff article", "Refunds take 3 days.\nKeep this line.", "en"));
        articles.update(a.id(), draft("Diff article", "Refunds take 5 days.\nKeep this line.", "en"), null);
        articles.update(a.id(), draft("Diff article", "Refunds take 5 days.\nKeep this line.\nNew line.", "en"), null);

        VersionDiff diff = articles.diff(a.id(), 1, 3);
        assertThat(diff.html()).contains("<del>3</del><ins>5</ins>").contains("<ins>New line.\n</ins>");
        assertThat(diff.text()).contains("- Refunds take 3 days.").contains("+ Refunds take 5 days.").contains("+ New line.");
        assertThat(articles.diff(a.id(), 3, 1).html()).contains("<del>New line.\n</del>");
    }

    @Test
    void restoreMakesAnOldTextTheNewestVersionAndIsAudited() {
        var a = articles.create(draft("Restore me", "good text", "en"));
        articles.update(a.id(), draft("Restore me", "bad text", "en"), null);

        var restored = articles.restore(a.id(), 1);

        assertThat(restored.currentVersion()).isEqualTo(3);
        assertThat(restored.body()).isEqualTo("good text");
        assertThat(articles.versions(a.id()).get(0).note()).isEqualTo("restored v1");
        assertThat(audit.recent("kb-author", "knowledge.article-restored", null, 10))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("article:" + a.id()));
        assertThatThrownBy(() -> articles.restore(a.id(), 3)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void publishingTracksWhichVersionIsLive() {
        var a = articles.create(draft("Publish me", "v1", "en"));
        assertThat(a.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(a.visibility()).isEqualTo(Visibility.INTERNAL);

        assertThat(articles.publish(a.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThatThrownBy(() -> articles.publish(a.id())).isInstanceOf(DomainRuleViolation.class)
                .hasFieldOrPropertyWithValue("rule", "article.already-published");
        var changed = articles.update(a.id(), draft("Publish me", "v2", "en"), null);
        assertThat(changed.status()).isEqualTo(ArticleStatus.CHANGED);
        assertThat(changed.publishedVersion()).isEqualTo(1);
        assertThat(articles.unpublish(a.id()).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(audit.recent("kb-author", "knowledge.article-published", null, 50)).anySatisfy(e -> assertThat(e.target()).isEqualTo("article:" + a.id()));
    }

    @Test
    void visibilityChangesAreAuditedAndMustChangeSomething() {
        var a = articles.create(draft("Visibility", "text", "en"));
        articles.changeVisibility(a.id(), Visibility.PUBLIC);
        assertThatThrownBy(() -> articles.changeVisibility(a.id(), Visibility.PUBLIC)).isInstanceOf(DomainRuleViolation.class);
        assertThat(audit.recent("kb-author", "knowledge.article-visibility", null, 50))
                .anySatisfy(e -> assertThat(e.details()).isEqualTo("INTERNAL -> PUBLIC"));
    }

    @Test
    void refusesAnEditBasedOnAnOutdatedVersion() {
        var a = articles.create(draft("Conflict", "one", "en"));
        articles.update(a.id(), draft("Conflict", "two", "en"), 1);
        assertThatThrownBy(() -> articles.update(a.id(), draft("Conflict", "three", "en"), 1))
                .isInstanceOf(DomainRuleViolation.class).hasFieldOrPropertyWithValue("rule", "article.edit-conflict");
    }

    @Test
    void slugsStayUnique() {
        var first = articles.create(draft("Same title here", "x", "en"));
        var second = articles.create(draft("Same title here", "y", "en"));
        assertThat(first.slug()).isEqualTo("same-title-here");
        assertThat(second.slug()).isEqualTo("same-title-here-2");
    }

    @Test
    void listsWithKeysetPagesAndFilters() {
        for (int i = 0; i < 5; i++) {
            articles.create(new ArticleDraft("Paged " + i, null, null, "body", null, "en", List.of("paged-tag"), null, null));
        }
        var filter = new ArticleFilter(null, "en", null, null, "paged-tag", null);
        List<ArticleSummary> seen = new ArrayList<>();
        var page = articles.list(filter, null, 2);
        seen.addAll(page.rows());
        while (page.hasNext()) {
            page = articles.list(filter, page.nextCursor(), 2);
            seen.addAll(page.rows());
        }
        assertThat(seen).hasSize(5).extracting(ArticleSummary::title).doesNotHaveDuplicates()
                .containsExactly("Paged 4", "Paged 3", "Paged 2", "Paged 1", "Paged 0");
    }

    @Test
    void listsArticlesDueForReview() {
        var due = articles.create(new ArticleDraft("Review due", null, null, "x", null, "en", List.of(), LocalDate.of(2020, 1, 1), null));
        var later = articles.create(new ArticleDraft("Review later", null, null, "x", null, "en", List.of(), LocalDate.of(2999, 1, 1), null));
        assertThat(articles.dueForReview(LocalDate.of(2026, 1, 1))).extracting(ArticleSummary::id).contains(due.id()).doesNotContain(later.id());
    }

    @Test
    void articlesCreatedAtOnceWithTheSameTitleGetDistinctSlugs() throws Exception {
        int writers = 6;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            var created = new ArrayList<java.util.concurrent.Future<ArticleDetails>>();
            for (int i = 0; i < writers; i++) {
                created.add(pool.submit(() -> {
                    start.await();
                    return KnowledgeFixtures.as("kb-racer", "AGENT", () -> articles.create(draft("同时创建的同名文章", "正文", "zh-CN")));
                }));
            }
            start.countDown();
            var slugs = new ArrayList<String>();
            for (var f : created) {
                slugs.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).slug());
            }
            String base = slugs.stream().min(java.util.Comparator.comparingInt(String::length)).orElseThrow();
            assertThat(slugs).containsExactlyInAnyOrder(base, base + "-2", base + "-3", base + "-4", base + "-5", base + "-6");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anArticleWhoseSlugIsTakenWhileItIsBeingSavedGetsTheNextSuffix() throws Exception {
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var insert = holder.createStatement()) {
                insert.executeUpdate("insert into kb_articles (slug, title, body, language, visibility, owner, current_version, created_at,"
                        + " updated_at, updated_by) values ('held-slug', 'Held', 'x', 'en', 'INTERNAL', 'holder', 1, now(), now(), 'holder')");
            }
            var created = pool.submit(() -> KnowledgeFixtures.as("kb-racer", "AGENT",
                    () -> articles.create(new ArticleDraft("Held slug", "held-slug", null, "body", null, "en", List.of(), null, null))));
            // the writer found the slug free and now waits on the uncommitted row's unique key
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into%kb_articles%'")
                    .query(Integer.class).single() > 0);
            holder.commit();
            assertThat(created.get(30, java.util.concurrent.TimeUnit.SECONDS).slug()).isEqualTo("held-slug-2");
        } finally {
            pool.shutdownNow();
        }
    }
}
