package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.ArticleLanguage;
import com.steadydesk.knowledge.Category;
import com.steadydesk.knowledge.CategoryManagement;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.knowledge.internal.HelpCenterArticles;
import com.steadydesk.knowledge.internal.HelpCenterArticles.PublicArticle;
import com.steadydesk.knowledge.internal.MarkdownRenderer;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.knowledge.internal.HelpCenterVisitors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.CookieValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public help center (no login): home, categories, articles and search. Only published public articles exist
 * here; an internal slug answers 404 like a missing one. Pages may be cached for a minute, so a crisis banner
 * appears or goes within that time.
 */
@Controller
@RequestMapping("/help")
class HelpCenterController {

    /** Shared caches may keep pages without anything personal for a minute. */
    static final String CACHE_PUBLIC = "public, max-age=60";
    /** The article page carries the visitor's CSRF token in its feedback form, so only the browser may keep it. */
    static final String CACHE_PRIVATE = "private, max-age=60";
    /** A random id that makes one browser one voter; nothing else is kept about it. */
    static final String VISITOR_COOKIE = "help-visitor";
    private static final Pattern VISITOR_ID = Pattern.compile("[0-9a-f-]{36}");

    private final HelpCenterArticles articles;
    private final CategoryManagement categories;
    private final HelpCenterNotices notices;
    private final MarkdownRenderer markdown;
    private final SearchIndex search;
    private final HelpCenterVisitors visitors;
    private final Clock clock;

    HelpCenterController(HelpCenterArticles articles, CategoryManagement categories, HelpCenterNotices notices,
            MarkdownRenderer markdown, SearchIndex search, HelpCenterVisitors visitors, Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.notices = notices;
        this.markdown = markdown;
        this.search = search;
        this.visitors = visitors;
        this.clock = clock;
    }

    @GetMapping
    String home(Locale locale, Model model, HttpServletResponse response) {
        String language = ArticleLanguage.of(locale);
        Map<Long, Integer> counts = articles.countsByCategory();
        model.addAttribute("language", language);
        // A top category counts the public articles below it too; one with none (e.g. internal handbooks) is not shown.
        Map<Long, Integer> totals = new java.util.HashMap<>();
        categories.tree().stream().filter(c -> c.depth() == 0).forEach(c -> {
            int total = categories.withDescendants(c.id()).stream().mapToInt(id -> counts.getOrDefault(id, 0)).sum();
            if (total > 0) {
                totals.put(c.id(), total);
            }
        });
        model.addAttribute("categories", categories.tree().stream().filter(c -> totals.containsKey(c.id())).toList());
        model.addAttribute("counts", totals);
        model.addAttribute("popular", articles.popular(language, 8));
        model.addAttribute("recent", articles.recent(language, 5));
        response.setHeader("Cache-Control", CACHE_PUBLIC);
        return "knowledge/help/home";
    }

    @GetMapping("/categories/{slug}")
    String category(@PathVariable String slug, Locale locale, Model model, HttpServletResponse response) {
        String language = ArticleLanguage.of(locale);
        Category category = categories.findBySlug(slug).orElseThrow(() -> new NotFoundException("category", slug));
        model.addAttribute("language", language);
        model.addAttribute("category", category);
        model.addAttribute("children", categories.tree().stream().filter(c -> category.id() == (c.parentId() == null ? -1 : c.parentId())).toList());
        model.addAttribute("articles", articles.inCategories(categories.withDescendants(category.id()), language, 100));
        response.setHeader("Cache-Control", CACHE_PUBLIC);
        return "knowledge/help/category";
    }

    @GetMapping("/articles/{slug}")
    String article(@PathVariable String slug, @RequestParam(required = false) String thanks, Locale locale, Model model,
            HttpServletResponse response) {
        PublicArticle article = articles.bySlug(slug).orElseThrow(() -> new NotFoundException("article", slug));
        articles.recordView(article.id());
        String language = ArticleLanguage.of(locale);
        model.addAttribute("language", language);
        model.addAttribute("article", article);
        model.addAttribute("bodyHtml", markdown.html(article.body()));
        model.addAttribute("callouts", notices.calloutsFor(article.id()));
        model.addAttribute("category", article.categoryId() == null ? null : categories.find(article.categoryId()).orElse(null));
        model.addAttribute("related", article.categoryId() == null ? List.of()
                : articles.inCategories(List.of(article.categoryId()), language, 6).stream().filter(a -> a.id() != article.id()).limit(5).toList());
        model.addAttribute("thanks", thanks != null);
        response.setHeader("Cache-Control", thanks != null ? "no-store" : CACHE_PRIVATE);
        return "knowledge/help/article";
    }

    @PostMapping("/articles/{slug}/feedback")
    String feedback(@PathVariable String slug, @RequestParam boolean helpful,
            @CookieValue(name = VISITOR_COOKIE, required = false) String visitor, HttpServletRequest request, HttpServletResponse response) {
        PublicArticle article = articles.bySlug(slug).orElseThrow(() -> new NotFoundException("article", slug));
        if (visitor == null || !VISITOR_ID.matcher(visitor).matches()) {
            visitor = UUID.randomUUID().toString();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(VISITOR_COOKIE, visitor).path("/help").httpOnly(true)
                    .secure(request.isSecure()).sameSite("Lax").maxAge(Duration.ofDays(365)).build().toString());
        }
        String address = visitors.addressHash(request.getRemoteAddr());
        // over the hour's allowance the vote is quietly not counted: the visitor sees the same thanks either way
        if (visitors.allow(HelpCenterVisitors.Action.VOTE, address)) {
            articles.recordFeedback(article.id(), helpful, visitor, address, clock.instant());
        }
        return "redirect:/help/articles/" + slug + "?thanks=1";
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, Locale locale, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("q", q);
        model.addAttribute("language", ArticleLanguage.of(locale));
        if (q != null && !q.isBlank()) {
            // an unanswered question goes to the gap list only within the visitor's hourly allowance, so one script
            // cannot fill the list; the visitor gets the same results either way
            boolean logGap = visitors.allow(HelpCenterVisitors.Action.GAP_LOG, visitors.addressHash(request.getRemoteAddr()));
            List<SearchHit> hits = search.searchPublic(q.strip(), 20, logGap);
            // The index is trusted for ranking only: what is shown must be public in the database right now.
            Map<Long, PublicArticle> visible = articles.publicByIds(hits.stream().map(h -> Long.parseLong(h.id())).toList());
            model.addAttribute("results", hits.stream().filter(h -> visible.containsKey(Long.parseLong(h.id())))
                    .map(h -> new Result(visible.get(Long.parseLong(h.id())), markdown.snippet(h.snippetHtml()))).toList());
        }
        response.setHeader("Cache-Control", CACHE_PUBLIC);
        return "knowledge/help/search";
    }

    /** A search result: the article and the passage that matched, with {@code <mark>} highlights. */
    record Result(PublicArticle article, String snippetHtml) {
    }
}
