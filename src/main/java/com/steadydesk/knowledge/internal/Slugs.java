package com.steadydesk.knowledge.internal;

import java.text.Normalizer;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** Readable URL slugs for public article addresses; Chinese titles become pinyin ("退款多久到账" → "tui-kuan-duo-jiu-dao-zhang"). */
public final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String of(String title) {
        var format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        var out = new StringBuilder();
        String normalized = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD);
        for (char c : normalized.toCharArray()) {
            String[] pinyin = null;
            try {
                pinyin = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? PinyinHelper.toHanyuPinyinStringArray(c, format) : null;
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (pinyin != null && pinyin.length > 0) {
                out.append('-').append(pinyin[0]).append('-');
            } else if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append('-');
            }
        }
        String slug = out.toString().toLowerCase(Locale.ROOT).replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }
}
