package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.ArticleDetails;
import com.steadydesk.knowledge.ArticleFilter;
import com.steadydesk.knowledge.ArticleLanguage;
import com.steadydesk.knowledge.ArticleManagement;
import com.steadydesk.knowledge.ArticleStatus;
import com.steadydesk.knowledge.Category;
import com.steadydesk.knowledge.CategoryManagement;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.knowledge.Visibility;
import com.steadydesk.knowledge.internal.MarkdownRenderer;
import com.steadydesk.platform.NavigationItem;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff screens of the knowledge base: list and search, article page, editor, versions with diff and restore. */
@Controller
@RequestMapping("/knowledge")
class KnowledgeController {

    private final ArticleManagement articles;
    private final CategoryManagement categories;
    private final HelpCenterNotices helpCenter;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final ZoneId zone;

    KnowledgeController(ArticleManagement articles, CategoryManagement categories, HelpCenterNotices helpCenter, MarkdownRenderer markdown,
            Clock clock, @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.articles = articles;
        this.categories = categories;
        this.helpCenter = helpCenter;
        this.markdown = markdown;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Bean
    static NavigationItem knowledgeNavigation() {
        return new NavigationItem("nav.knowledge", "/knowledge", 40, "TEMP_AGENT");
    }

    @ModelAttribute("categoryNames")
    Map<Long, String> categoryNames(Locale locale) {
        String language = ArticleLanguage.of(locale);
        return categories.tree().stream().collect(Collectors.toMap(Category::id, c -> c.name(language)));
    }

    @GetMapping
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long category,
            @RequestParam(required = false) String language, @RequestParam(required = false) Visibility visibility,
            @RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String cursor, Model model) {
        language = blankToNull(language);
        tag = blankToNull(tag);
        model.addAttribute("categories", categories.tree());
        model.addAttribute("filter", new ArticleFilter(category, language, visibility, status, tag, null));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            Map<String, String> filters = new HashMap<>();
            if (language != null) filters.put("language", language);
            if (visibility != null) filters.put("visibility", visibility.name());
            if (category != null) categories.find(category).ifPresent(c -> filters.put("category", c.slug()));
            // sanitised here: the template may not call beans while the request carries parameters (Thymeleaf's restricted mode)
            model.addAttribute("hits", articles.search(q, filters, 30).stream()
                    .map(h -> new Hit(h.id(), h.title(), h.fields().get("language"), h.fields().get("visibility"), markdown.snippet(h.snippetHtml())))
                    .toList());
        } else {
            model.addAttribute("page", articles.list(new ArticleFilter(category, language, visibility, status, tag, null), cursor, 30));
        }
        return "knowledge/list";
    }

    /** A search result as the list shows it: the snippet keeps only its {@code <mark>} highlights. */
    record Hit(String id, String title, String language, String visibility, String snippetHtml) {
    }

    @GetMapping("/review")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String dueForReview(Model model) {
        model.addAttribute("due", articles.dueForReview(LocalDate.now(clock.withZone(zone))));
        return "knowledge/review";
    }

    @GetMapping("/articles/{id}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String article(@PathVariable long id, Model model) {
        ArticleDetails article = articles.details(id);
        model.addAttribute("article", article);
        model.addAttribute("callouts", helpCenter.calloutsFor(id));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        return "knowledge/article";
    }

    @GetMapping("/articles/new")
    @PreAuthorize("hasRole('AGENT')")
    String newArticle(@RequestParam(required = false) String title, @RequestParam(required = false) String language, Locale locale,
            Model model) {
        // the gap list passes the question's language; otherwise the article starts in the writer's UI language
        String initial = language != null && ArticleLanguage.ALL.contains(language) ? language : ArticleLanguage.of(locale);
        model.addAttribute("form", ArticleForm.blank(title, initial));
        return editor(model, null);
    }

    @PostMapping("/articles")
    @PreAuthorize("hasRole('AGENT')")
    String create(@Valid @ModelAttribute("form") ArticleForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return editor(model, null);
        }
        return "redirect:/knowledge/articles/" + articles.create(form.draft()).id();
    }

    @GetMapping("/articles/{id}/edit")
    @PreAuthorize("hasRole('AGENT')")
    String edit(@PathVariable long id, Model model) {
        ArticleDetails article = articles.details(id);
        model.addAttribute("form", ArticleForm.of(article));
        return editor(model, article);
    }

    @PostMapping("/articles/{id}")
    @PreAuthorize("hasRole('AGENT')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ArticleForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return editor(model, articles.details(id));
        }
        articles.update(id, form.draft(), form.baseVersion());
        redirect.addFlashAttribute("flashKey", "knowledge.saved");
        return "redirect:/knowledge/articles/" + id;
    }

    @PostMapping("/articles/{id}/publish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String publish(@PathVariable long id) {
        articles.publish(id);
        return "redirect:/knowledge/articles/" + id;
    }

    @PostMapping("/articles/{id}/unpublish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String unpublish(@PathVariable long id) {
        articles.unpublish(id);
        return "redirect:/knowledge/articles/" + id;
    }

    @PostMapping("/articles/{id}/visibility")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String visibility(@PathVariable long id, @RequestParam Visibility visibility) {
        articles.changeVisibility(id, visibility);
        return "redirect:/knowledge/articles/" + id;
    }

    @GetMapping("/articles/{id}/versions")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String versions(@PathVariable long id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
            Model model) {
        ArticleDetails article = articles.details(id);
        var versions = articles.versions(id);
        model.addAttribute("article", article);
        model.addAttribute("versions", versions);
        int toVersion = to != null ? to : article.currentVersion();
        int fromVersion = from != null ? from : Math.max(1, toVersion - 1);
        model.addAttribute("from", fromVersion);
        model.addAttribute("to", toVersion);
        if (fromVersion != toVersion) {
            model.addAttribute("diff", articles.diff(id, fromVersion, toVersion));
        }
        return "knowledge/versions";
    }

    @GetMapping("/articles/{id}/versions/{number}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String version(@PathVariable long id, @PathVariable int number, Model model) {
        model.addAttribute("article", articles.details(id));
        model.addAttribute("version", articles.version(id, number));
        return "knowledge/version";
    }

    @PostMapping("/articles/{id}/versions/{number}/restore")
    @PreAuthorize("hasRole('AGENT')")
    String restore(@PathVariable long id, @PathVariable int number, RedirectAttributes redirect) {
        articles.restore(id, number);
        redirect.addFlashAttribute("flashKey", "knowledge.restored");
        return "redirect:/knowledge/articles/" + id;
    }

    private String editor(Model model, ArticleDetails article) {
        model.addAttribute("article", article);
        model.addAttribute("categories", categories.tree());
        model.addAttribute("languages", ArticleLanguage.ALL);
        return "knowledge/editor";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
