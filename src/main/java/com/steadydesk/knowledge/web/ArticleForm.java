package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.ArticleDetails;
import com.steadydesk.knowledge.ArticleDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;

/** The article editor's fields; tags are typed comma-separated (either comma, ASCII or Chinese). */
record ArticleForm(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 160) @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{knowledge.slug.invalid}") String slug,
        @Size(max = 1000) String summary,
        @NotBlank String body,
        Long categoryId,
        @NotBlank @Pattern(regexp = "zh-CN|en") String language,
        String tags,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDue,
        @Size(max = 300) String note,
        Integer baseVersion) {

    static ArticleForm blank(String title, String language) {
        return new ArticleForm(title, null, null, null, null, language, null, LocalDate.now().plusMonths(6), null, null);
    }

    static ArticleForm of(ArticleDetails a) {
        return new ArticleForm(a.title(), a.slug(), a.summary(), a.body(), a.categoryId(), a.language(), String.join(", ", a.tags()),
                a.reviewDue(), null, a.currentVersion());
    }

    ArticleDraft draft() {
        return new ArticleDraft(title, slug, summary, body, categoryId, language,
                tags == null ? null : Arrays.asList(tags.split("[,，]")), reviewDue, note);
    }
}
