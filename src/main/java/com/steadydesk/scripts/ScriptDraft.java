package com.steadydesk.scripts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The content of a script as an author writes it (create and update commands, import rows, versions).
 * {@code crisisId} makes it crisis-scoped; {@code expiresAt} hides it from agents after that instant.
 */
public record ScriptDraft(
        @NotBlank @Size(max = 200) String title,
        @NotNull Long categoryId,
        @NotBlank String language,
        @NotBlank @Size(max = 20000) String body,
        List<String> tags,
        Audience audience,
        String segment,
        String whenToUse,
        String whenNotToUse,
        String whatToAdapt,
        List<Placeholder> placeholders,
        Long crisisId,
        Instant expiresAt) {

    /** Languages a script may be written in. */
    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

    public ScriptDraft {
        title = title == null ? null : title.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        audience = audience == null ? Audience.ALL : audience;
        segment = audience == Audience.SEGMENT ? blankToNull(segment) : null;
        placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
        whenToUse = blankToNull(whenToUse);
        whenNotToUse = blankToNull(whenNotToUse);
        whatToAdapt = blankToNull(whatToAdapt);
    }

    /** Throws when the draft breaks a rule that no save may break (the linter reports the softer ones). */
    public void validate() {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body is required");
        }
        if (categoryId == null) {
            throw new IllegalArgumentException("category is required");
        }
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be zh-CN or en");
        }
        if (audience == Audience.SEGMENT && segment == null) {
            throw new IllegalArgumentException("a segment script needs the segment's name");
        }
    }

    /** Tags as typed in one line, separated by commas (also Chinese ，、) or semicolons. */
    public static List<String> parseTags(String text) {
        return text == null ? List.of() : java.util.Arrays.stream(text.split("[,，、;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean crisisScoped() {
        return crisisId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
