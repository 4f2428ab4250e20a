package com.steadydesk.scripts.web;

import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * The script editor's form: tags as one line, placeholders one per line as {@code name|label|required} (or
 * {@code name|label|optional}), the expiry as a date (the script disappears at the end of that day, display zone).
 */
record ScriptForm(@NotBlank @Size(max = 200) String title, @NotNull Long categoryId, @NotBlank String language, @NotBlank String body,
        String tags, Audience audience, String segment, String whenToUse, String whenNotToUse, String whatToAdapt, String placeholders,
        Long crisisId, LocalDate expiresOn) {

    static ScriptForm empty(Long categoryId) {
        return new ScriptForm("", categoryId, "zh-CN", "", "", Audience.ALL, null, null, null, null, "", null, null);
    }

    static ScriptForm of(ScriptDraft d, ZoneId zone) {
        return new ScriptForm(d.title(), d.categoryId(), d.language(), d.body(), String.join(", ", d.tags()), d.audience(), d.segment(),
                d.whenToUse(), d.whenNotToUse(), d.whatToAdapt(),
                d.placeholders().stream().map(p -> p.name() + "|" + p.label() + "|" + (p.required() ? "required" : "optional"))
                        .collect(Collectors.joining("\n")),
                d.crisisId(), d.expiresAt() == null ? null : d.expiresAt().atZone(zone).toLocalDate().minusDays(1));
    }

    /** Throws IllegalArgumentException naming the bad placeholder line. */
    ScriptDraft toDraft(ZoneId zone) {
        return new ScriptDraft(title, categoryId, language, body, ScriptDraft.parseTags(tags), audience, segment, whenToUse, whenNotToUse, whatToAdapt,
                Placeholder.parseList(placeholders), crisisId, expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
