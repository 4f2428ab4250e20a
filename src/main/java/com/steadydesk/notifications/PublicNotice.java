package com.steadydesk.notifications;

/**
 * A notice to every confirmed public subscriber and webhook, in Chinese and English. {@code ref} identifies it
 * (e.g. "crisis-update:17") so that its deliveries can be listed; {@code link} is an absolute URL or null.
 */
public record PublicNotice(String ref, String subjectZh, String subjectEn, String textZh, String textEn, String link) {

    public PublicNotice {
        if (ref == null || ref.isBlank() || subjectZh == null || subjectZh.isBlank() || textZh == null || textZh.isBlank()) {
            throw new IllegalArgumentException("a public notice needs a reference, a subject and a text");
        }
        subjectEn = subjectEn == null || subjectEn.isBlank() ? subjectZh : subjectEn;
        textEn = textEn == null || textEn.isBlank() ? textZh : textEn;
    }
}
