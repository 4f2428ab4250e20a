package com.steadydesk.knowledge;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test helpers: articles in a given state, and running code as a given member of staff. */
public final class KnowledgeFixtures {

    /**
     * A property only knowledge tests set, so that they get an application context (database and search index) of
     * their own: the many refund articles they index would otherwise change other modules' search rankings.
     */
    public static final String OWN_CONTEXT = "steadydesk.test-context=knowledge";

    private KnowledgeFixtures() {
    }

    public static ArticleDraft draft(String title, String body, String language, String... tags) {
        return new ArticleDraft(title, null, null, body, null, language, List.of(tags), null, null);
    }

    /** Creates the article (if its slug is new), sets the visibility and publishes it; answers its id. */
    public static long published(ArticleManagement articles, String slug, String title, String body, String language, Visibility visibility,
            String... tags) {
        return as("kb-admin", "ADMIN", () -> {
            var existing = articles.list(ArticleFilter.none(), null, 500).rows().stream().filter(a -> a.slug().equals(slug)).findFirst();
            if (existing.isPresent()) {
                return existing.get().id();
            }
            var created = articles.create(new ArticleDraft(title, slug, null, body, null, language, List.of(tags), null, null));
            if (visibility == Visibility.PUBLIC) {
                articles.changeVisibility(created.id(), Visibility.PUBLIC);
            }
            articles.publish(created.id());
            return created.id();
        });
    }

    /** Runs {@code work} authenticated as {@code username} with one role (the hierarchy applies as in production). */
    public static <T> T as(String username, String role, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void run(String username, String role, Runnable work) {
        as(username, role, () -> {
            work.run();
            return null;
        });
    }
}
