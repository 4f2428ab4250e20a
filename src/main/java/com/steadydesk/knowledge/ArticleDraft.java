package com.steadydesk.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What an author writes: a new article or a new version of one. {@code slug} blank = derived from the title;
 * {@code note} says what changed (shown in the version history).
 */
public record ArticleDraft(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 160) @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{knowledge.slug.invalid}") String slug,
        @Size(max = 1000) String summary,
        @NotBlank String body,
        Long categoryId,
        @NotBlank @Pattern(regexp = "zh-CN|en") String language,
        List<String> tags,
        LocalDate reviewDue,
        @Size(max = 300) String note) {

    public ArticleDraft {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }
}
