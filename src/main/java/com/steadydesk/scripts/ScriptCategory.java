package com.steadydesk.scripts;

import java.util.Locale;

/** A node of the admin-editable category tree; {@code parentId} is null for a top-level category. */
public record ScriptCategory(long id, Long parentId, String code, String nameZh, String nameEn, int position) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
