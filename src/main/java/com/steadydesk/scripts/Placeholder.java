package com.steadydesk.scripts;

/**
 * A placeholder a script declares: {@code name} as written between {@code {{ }}}, a label the agent sees and whether the
 * reply may be sent without it. Dotted names are automatic and listed in {@link PlaceholderCatalogue}.
 */
public record Placeholder(String name, String label, boolean required) {

    public Placeholder {
        if (name == null || !PlaceholderText.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("placeholder name must be letters, digits, _ and at most one dot: " + name);
        }
        label = label == null || label.isBlank() ? name : label.strip();
    }

    public boolean auto() {
        return PlaceholderCatalogue.known(name);
    }

    /**
     * Parses declarations as authors write them in the editor and in import files: one per line or separated by ";",
     * each {@code name|label|required} (also with ":"); the flag may be required/optional (必填/可选), required by default.
     */
    public static java.util.List<Placeholder> parseList(String text) {
        var list = new java.util.ArrayList<Placeholder>();
        if (text == null) {
            return list;
        }
        for (String item : text.split("[;；\\n]")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.strip().split("\\s*[|:：]\\s*", -1);
            String flag = parts.length > 2 ? parts[2].strip().toLowerCase(java.util.Locale.ROOT) : "required";
            boolean required = !(flag.equals("optional") || flag.equals("false") || flag.equals("可选") || flag.equals("否"));
            list.add(new Placeholder(parts[0].strip(), parts.length > 1 ? parts[1] : null, required));
        }
        return list;
    }
}
