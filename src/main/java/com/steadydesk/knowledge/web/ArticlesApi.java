package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.ArticleDetails;
import com.steadydesk.knowledge.ArticleDraft;
import com.steadydesk.knowledge.ArticleFilter;
import com.steadydesk.knowledge.ArticleManagement;
import com.steadydesk.knowledge.ArticleStatus;
import com.steadydesk.knowledge.ArticleSummary;
import com.steadydesk.knowledge.ArticleVersionDetails;
import com.steadydesk.knowledge.ArticleVersionSummary;
import com.steadydesk.knowledge.VersionDiff;
import com.steadydesk.knowledge.Visibility;
import com.steadydesk.platform.Keyset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of knowledge-base articles: CRUD where every update is a new version, history, diffs and restore. */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles", description = "Knowledge-base articles with version history")
class ArticlesApi {

    private final ArticleManagement articles;

    ArticlesApi(ArticleManagement articles) {
        this.articles = articles;
    }

    @GetMapping
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "List articles, newest change first; pass nextCursor back as cursor for the next page")
    Keyset<ArticleSummary> list(@RequestParam(required = false) Long category, @RequestParam(required = false) String language,
            @RequestParam(required = false) Visibility visibility, @RequestParam(required = false) ArticleStatus status,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be between 1 and 200");
        }
        return articles.list(new ArticleFilter(category, language, visibility, status, tag, owner), cursor, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "One article (latest version) with its version list")
    ArticleWithVersions get(@PathVariable long id) {
        return new ArticleWithVersions(articles.details(id), articles.versions(id));
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Create an internal draft (version 1)")
    ResponseEntity<ArticleDetails> create(@Valid @RequestBody ArticleDraft draft) {
        ArticleDetails created = articles.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/articles/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Save a new version; baseVersion (optional) refuses the save with 409 if someone saved since")
    ArticleDetails update(@PathVariable long id, @Valid @RequestBody ArticleDraft draft, @RequestParam(required = false) Integer baseVersion) {
        return articles.update(id, draft, baseVersion);
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "Version history, newest first")
    Keyset<ArticleVersionSummary> versions(@PathVariable long id) {
        return Keyset.of(articles.versions(id));
    }

    @GetMapping("/{id}/versions/{number}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "The full text of one version")
    ArticleVersionDetails version(@PathVariable long id, @PathVariable int number) {
        return articles.version(id, number);
    }

    @GetMapping("/{id}/diff")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "Difference between two versions, as HTML (ins/del) and as +/- text")
    VersionDiff diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return articles.diff(id, from, to);
    }

    @PostMapping("/{id}/versions/{number}/restore")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Make an old version's text the newest version (not published until published)")
    ArticleDetails restore(@PathVariable long id, @PathVariable int number) {
        return articles.restore(id, number);
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Publish the latest version")
    ArticleDetails publish(@PathVariable long id) {
        return articles.publish(id);
    }

    @PostMapping("/{id}/unpublish")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Take the article off the help center")
    ArticleDetails unpublish(@PathVariable long id) {
        return articles.unpublish(id);
    }

    @PutMapping("/{id}/visibility")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Change visibility (INTERNAL or PUBLIC)")
    ArticleDetails visibility(@PathVariable long id, @Valid @RequestBody VisibilityChange change) {
        return articles.changeVisibility(id, change.visibility());
    }

    /** An article and its history. */
    record ArticleWithVersions(ArticleDetails article, List<ArticleVersionSummary> versions) {
    }

    /** Body of a visibility change. */
    record VisibilityChange(@NotNull Visibility visibility) {
    }
}
