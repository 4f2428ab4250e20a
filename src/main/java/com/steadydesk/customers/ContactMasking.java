package com.steadydesk.customers;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.text.Normalizer;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The masking policy, the one place that decides what a viewer without the right (TEMP_AGENT, anonymous and system
 * viewers) may read: phones as {@code 138****5678}, emails as {@code z***@example.com}, names as {@code 李*} or
 * {@code L***}, and free text (subjects, bodies, notes, attachment names) with every phone, email and long digit run
 * in it masked. Masking is idempotent: masking masked text changes nothing.
 *
 * <p>Free text is read after a per-character NFKC normalisation (full-width {@code １３８}, {@code ＋}, {@code ＠}
 * and ideographic spaces count as their ASCII forms). Any run of at least {@value #MIN_RUN_DIGITS} digits, the digits
 * joined by up to three separators ({@code 138 0013 8000}, {@code 021-1234-5678}, {@code +1 (415) 555-0199},
 * {@code 138.0013.8000}), is masked as a whole: that is every phone number (the shortest, a local landline, has 7
 * digits) and every identity or account number, whatever its format. Dates ({@code 2026-12-07}) are not runs.
 */
@Component
public class ContactMasking {

    /** Fewer digits are amounts, years, ticket numbers (#10023) and quantities, which a temporary agent needs. */
    static final int MIN_RUN_DIGITS = 7;
    /** What may stand between the digits of one number (after normalisation): spaces, dots, dashes, slashes, brackets. */
    private static final String SEPARATOR = "[ \\u00A0.\\-\\u2010-\\u2015/()]";
    /**
     * A maximal run of digits and separators, with a leading {@code +}; a {@code *} ends it, so the kept
     * ends of a masked number never join into a new run.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d(?:" + SEPARATOR + "{0,3}\\d)*");
    /** A date written with one separator ({@code 2026-12-07}, {@code 2026/12/7}, {@code 07.12.2026}): not a run to mask. */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(?:(?:19|20)\\d{2}([-./])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12]\\d|3[01])"
            + "|(?:0?[1-9]|[12]\\d|3[01])([-./])(?:0?[1-9]|[12]\\d|3[01])\\2(?:19|20)\\d{2})(?!\\d)");
    private static final String LOCAL_CHAR = "\\p{L}\\p{N}._%+\\-";
    /**
     * An email address with an ASCII or non-ASCII local part and domain ({@code 张三@例子.中国}, {@code user@bücher.de}).
     * It starts where a word starts, so a masked address ({@code z***@example.com}) is not matched again.
     */
    private static final Pattern EMAIL = Pattern.compile("(?<![" + LOCAL_CHAR + "@*])[" + LOCAL_CHAR + "]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}");
    /** Chinese prose runs into an ASCII address without a space ("请发到zhang@example.com"): the prose is not the address. */
    private static final Pattern HAN_BEFORE_ASCII_LOCAL = Pattern.compile("^(.*\\p{IsHan})([A-Za-z0-9._%+\\-]+)$");
    private static final char BLANK = '\u0000';

    private final BooleanSupplier viewerSeesContacts;

    @Autowired
    public ContactMasking(CurrentUser currentUser) {
        this(() -> currentUser.hasRole(Role.AGENT));
    }

    /** With a fixed answer to "may the viewer see contacts", for code that decides it elsewhere (and for tests). */
    public ContactMasking(BooleanSupplier viewerSeesContacts) {
        this.viewerSeesContacts = viewerSeesContacts;
    }

    /** True when the current user may see contact data unmasked (AGENT and above; a TEMP_AGENT may not). */
    public boolean currentViewerSeesContacts() {
        return viewerSeesContacts.getAsBoolean();
    }

    /** {@code zhang@example.com} → {@code z***@example.com}: the first character and the domain stay. */
    public String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String trimmed = normalised(email.strip());
        int at = trimmed.lastIndexOf('@');
        String first = new String(Character.toChars(trimmed.codePointAt(0)));
        if (at < 0) {
            return first + "***";
        }
        return (at == 0 ? "" : first) + "***" + trimmed.substring(at);
    }

    /**
     * {@code 13812345678} → {@code 138****5678}; a landline {@code 010-12345678} → {@code 010****5678}: numbers of 11 or
     * more digits keep the first 3 and last 4, of 7 to 10 digits two at each end, shorter ones none. With a country
     * code ({@code +86 138 1234 5678}, {@code 0086...}, {@code +1 (415) 555-0199}) the code and the last 4 stay
     * ({@code +86 *******5678}, {@code +1 ******0199}): the code is public and its digits must not join the subscriber's.
     * Letters and separators are dropped, so nothing but the kept digits survives.
     */
    public String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String compact = normalised(phone.strip()).replaceAll("[^0-9*+]", "");
        long digits = compact.chars().filter(Character::isDigit).count();
        if (compact.contains("*") && digits <= 7) {
            return compact.startsWith("+") ? phone.strip() : compact; // masked already
        }
        boolean international = compact.startsWith("+") || (compact.startsWith("00") && compact.length() > 11);
        String positions = compact.replace("+", "");
        if (!international) {
            return maskDigits(positions);
        }
        String number = positions.startsWith("00") && !compact.startsWith("+") ? positions.substring(2) : positions;
        int code = countryCodeLength(number);
        String national = number.substring(code);
        int tail = national.length() >= 7 ? 4 : 0;
        return "+" + number.substring(0, code) + (code > 0 ? " " : "") + "*".repeat(Math.max(1, national.length() - tail))
                + national.substring(national.length() - tail);
    }

    /** {@code 李明} → {@code 李*}, {@code 欧阳娜娜} → {@code 欧***}, {@code Li Ming} → {@code L***}: the first character stays. */
    public String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = normalised(name.strip());
        int first = trimmed.codePointAt(0);
        String head = new String(Character.toChars(first));
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            return head + "*".repeat(Math.max(1, trimmed.codePointCount(0, trimmed.length()) - 1));
        }
        return head + "***";
    }

    /** Masks every email address, phone number and long digit run found in the text (see the class comment). */
    public String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Normalised normal = Normalised.of(text);
        StringBuilder work = new StringBuilder(normal.text());
        java.util.TreeMap<Integer, int[]> spans = new java.util.TreeMap<>();
        java.util.Map<Integer, String> replacements = new java.util.HashMap<>();
        Matcher email = EMAIL.matcher(normal.text());
        while (email.find()) {
            int start = email.start();
            String address = email.group();
            Matcher prose = HAN_BEFORE_ASCII_LOCAL.matcher(address.substring(0, address.indexOf('@')));
            if (prose.matches()) {
                start += prose.group(1).length();
                address = address.substring(prose.group(1).length());
            }
            spans.put(start, new int[] {start, email.end()});
            replacements.put(start, maskEmail(address));
            blank(work, start, email.end());
        }
        Matcher date = DATE.matcher(work);
        while (date.find()) {
            blank(work, date.start(), date.end());
        }
        Matcher run = DIGIT_RUN.matcher(work);
        while (run.find()) {
            if (run.group().chars().filter(c -> c >= '0' && c <= '9').count() >= MIN_RUN_DIGITS) {
                spans.put(run.start(), new int[] {run.start(), run.end()});
                replacements.put(run.start(), maskPhone(run.group()));
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] span : spans.values()) {
            out.append(text, copied, normal.originalIndex(span[0])).append(replacements.get(span[0]));
            copied = normal.originalIndex(span[1]);
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * A search query a viewer may run: unchanged for those who see contacts; for the others without the email
     * addresses, phone numbers and digit runs of {@value #MIN_RUN_DIGITS} or more digits in it, so that a search cannot
     * confirm the number behind {@code 130****2222} by trying candidates. Masked forms ({@code 130****2222}) go too.
     */
    public String queryForViewer(String query) {
        if (query == null || currentViewerSeesContacts()) {
            return query;
        }
        return withoutContacts(query);
    }

    /** True when {@link #queryForViewer} would take something out of this query for the current viewer. */
    public boolean queryLosesContacts(String query) {
        return query != null && !currentViewerSeesContacts() && !withoutContacts(query).equals(query.strip().replaceAll("\\s+", " "));
    }

    /** The query without its contact-like tokens, whitespace tidied. */
    String withoutContacts(String query) {
        String masked = maskText(query);
        // every token the masking touched (it now holds a '*') was contact data; searching for it, masked or not, is not allowed
        return java.util.Arrays.stream(masked.strip().split("\\s+")).filter(token -> !token.contains("*") && !token.contains("@"))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The value as the current viewer may see it: unchanged, or masked as email or phone. */
    public String emailForViewer(String email) {
        return currentViewerSeesContacts() ? email : maskEmail(email);
    }

    public String phoneForViewer(String phone) {
        return currentViewerSeesContacts() ? phone : maskPhone(phone);
    }

    public String textForViewer(String text) {
        return currentViewerSeesContacts() ? text : maskText(text);
    }

    /** A person's name (requester, caller) as the current viewer may see it. */
    public String nameForViewer(String name) {
        return currentViewerSeesContacts() ? name : maskName(name);
    }

    /** The profile as the current viewer may see it: contacts and name masked, notes cleared of contact data. */
    public CustomerProfile profileForViewer(CustomerProfile profile) {
        return profile == null || currentViewerSeesContacts() ? profile : mask(profile);
    }

    /** The profile with name and contact points masked, whoever looks. */
    public CustomerProfile mask(CustomerProfile p) {
        if (p.masked()) {
            return p;
        }
        return new CustomerProfile(p.id(), maskName(p.name()), map(p.emails(), this::maskEmail), map(p.phones(), this::maskPhone),
                p.externalIds(), p.vipTier(), p.accountManager(), maskText(p.notes()), p.createdAt(), true);
    }

    private static List<String> map(List<String> values, UnaryOperator<String> f) {
        return values == null ? List.of() : values.stream().map(f).toList();
    }

    /**
     * Keeps the first 3 and last 4 of 11 or more positions, 2 and 2 of 7 to 10, none of fewer; a {@code *} counts
     * as a position, which makes masking a masked number a no-op.
     */
    private static String maskDigits(String positions) {
        int n = positions.length();
        if (n == 0) {
            return "***";
        }
        int head = n >= 11 ? 3 : n >= 7 ? 2 : 0;
        int tail = n >= 11 ? 4 : n >= 7 ? 2 : 0;
        return positions.substring(0, head) + "*".repeat(Math.max(1, n - head - tail)) + positions.substring(n - tail);
    }

    /** How many leading digits of an international number are its country code (0 when none is known). */
    private static int countryCodeLength(String digits) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        for (int length = 1; length <= 3 && length < digits.length(); length++) {
            if (!"ZZ".equals(phones.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, length))))) {
                return length;
            }
        }
        return 0;
    }

    private static void blank(StringBuilder work, int start, int end) {
        for (int i = start; i < end; i++) {
            work.setCharAt(i, BLANK);
        }
    }

    /** Per-character NFKC, kept only where it yields one ASCII character (so CJK punctuation stays as written). */
    private static String normalised(String text) {
        return Normalised.of(text).text();
    }

    /** Text with full-width and other compatibility forms made ASCII, and where each character came from. */
    private record Normalised(String text, int[] origins, int originalLength) {

        static Normalised of(String original) {
            StringBuilder out = new StringBuilder(original.length());
            int[] origins = new int[original.length() + 1];
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                int width = Character.charCount(cp);
                // ASCII and the common CJK ideographs are their own NFKC form; skipping them keeps long bodies cheap
                String nfkc = cp < 128 || (cp >= 0x4E00 && cp <= 0x9FFF) ? null : Normalizer.normalize(original.substring(i, i + width), Normalizer.Form.NFKC);
                origins[out.length()] = i;
                if (cp >= 128 && Character.isDigit(cp)) {
                    out.append((char) ('0' + Character.digit(cp, 10))); // full-width, Arabic-Indic, mathematical digits
                } else if (nfkc != null && nfkc.length() == 1 && nfkc.charAt(0) < 128) {
                    out.append(nfkc.charAt(0));
                } else {
                    out.append(original, i, i + width);
                    if (width == 2) {
                        origins[out.length() - 1] = i + 1;
                    }
                }
                i += width;
            }
            return new Normalised(out.toString(), origins, original.length());
        }

        int originalIndex(int normalIndex) {
            return normalIndex >= text.length() ? originalLength : origins[normalIndex];
        }
    }
}
