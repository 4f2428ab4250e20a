package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptDraft;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The starter library shipped with SteadyDesk (resources/scripts/starter-library.txt): blocks separated by {@code %%},
 * each with {@code key: value} header lines, a blank line and the body. Categories are given by code.
 */
public final class StarterLibrary {

    private StarterLibrary() {
    }

    /** One starter script with its category code. */
    public record Entry(String categoryCode, String title, String language, Audience audience, List<String> tags, List<Placeholder> placeholders,
            String whenToUse, String whenNotToUse, String whatToAdapt, String body) {

        public ScriptDraft draft(long categoryId) {
            return new ScriptDraft(title, categoryId, language, body, tags, audience, null, whenToUse, whenNotToUse, whatToAdapt, placeholders,
                    null, null);
        }
    }

    public static List<Entry> load() {
        try (InputStream in = StarterLibrary.class.getResourceAsStream("/scripts/starter-library.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> parse(String text) {
        var entries = new ArrayList<Entry>();
        String[] blocks = text.split("(?m)^%%\\s*$");
        for (int b = 1; b < blocks.length; b++) {
            String block = blocks[b].strip();
            int split = block.indexOf("\n\n");
            Map<String, String> header = new HashMap<>();
            block.substring(0, split).lines().forEach(l -> {
                int colon = l.indexOf(':');
                header.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
            });
            entries.add(new Entry(header.get("category"), header.get("title"), header.getOrDefault("language", "zh-CN"),
                    Audience.valueOf(header.getOrDefault("audience", "ALL")), ScriptDraft.parseTags(header.get("tags")),
                    Placeholder.parseList(header.get("placeholders")), header.get("when"), header.get("not"), header.get("adapt"),
                    block.substring(split + 2).strip()));
        }
        return entries;
    }
}
