package com.steadydesk.crisis;

import java.util.List;
import java.util.Locale;

/** The checklist started for a crisis type from a grade up, e.g. "technical failure, from MAJOR". */
public record Playbook(long id, CrisisType type, CrisisGrade minGrade, String nameZh, String nameEn, List<Step> steps) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    /** One action: who owns it, how long after the declaration it is due, and the scripts or articles that help. */
    public record Step(long id, int position, String titleZh, String titleEn, Department department, String ownerRole,
            int dueOffsetMinutes, String scriptRef, String articleRef) {

        public String title(Locale locale) {
            return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
        }
    }
}
