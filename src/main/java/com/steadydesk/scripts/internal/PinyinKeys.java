package com.steadydesk.scripts.internal;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin keys of a title, computed at save time so that agents can type "tkjd" or "tuikuan" to find 退款进度.
 * Latin letters and digits are kept as they are (lower-cased); other characters are dropped.
 */
public final class PinyinKeys {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinKeys() {
    }

    /** 退款进度 → tkjd. */
    public static String initials(String text) {
        return build(text, true);
    }

    /** 退款进度 → tuikuanjindu. */
    public static String full(String text) {
        return build(text, false);
    }

    /** Whether a query looks like pinyin (only Latin letters, at least two). */
    public static boolean looksLikePinyin(String query) {
        return query != null && query.strip().matches("[A-Za-z]{2,40}");
    }

    private static String build(String text, boolean initialsOnly) {
        if (text == null) {
            return "";
        }
        var sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                sb.append(Character.toLowerCase(c));
                continue;
            }
            try {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                if (readings != null && readings.length > 0) {
                    sb.append(initialsOnly ? readings[0].substring(0, 1) : readings[0]);
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
        String key = sb.toString();
        return key.length() > (initialsOnly ? 200 : 1000) ? key.substring(0, initialsOnly ? 200 : 1000) : key;
    }
}
