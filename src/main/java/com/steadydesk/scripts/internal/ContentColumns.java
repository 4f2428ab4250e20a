package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.Placeholder;
import java.util.Arrays;
import java.util.List;

/**
 * How list-valued content is kept in one column (scripts and script_versions share it): tags comma-separated,
 * placeholders one per line as {@code name|label|required}. Plain text keeps imports, exports and diffs simple.
 */
public final class ContentColumns {

    private ContentColumns() {
    }

    public static String tags(List<String> tags) {
        return String.join(",", tags.stream().map(t -> t.replace(",", " ")).toList());
    }

    public static List<String> tags(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static String placeholders(List<Placeholder> placeholders) {
        var sb = new StringBuilder();
        for (Placeholder p : placeholders) {
            sb.append(p.name()).append('|').append(p.label().replace('|', '/').replace('\n', ' ')).append('|').append(p.required()).append('\n');
        }
        return sb.toString();
    }

    public static List<Placeholder> placeholders(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return column.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] parts = l.split("\\|", -1);
            return new Placeholder(parts[0], parts.length > 1 ? parts[1] : parts[0], parts.length < 3 || Boolean.parseBoolean(parts[2]));
        }).toList();
    }
}
