package com.steadydesk.scripts.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a customer's whole message into a few short search queries. The search index wants most words of a query to
 * match, which a chatty message ("请问我的退款什么时候到账啊？") never does against a short script; so filler words are
 * dropped, the message is cut at punctuation, and the topic keywords it contains make one more query.
 */
public final class SuggestionQueries {

    private static final float KEYWORD_WEIGHT = 0.5f;
    private static final Pattern FILLER = Pattern.compile("请问|麻烦|你们|我们|我的|你好|您好|谢谢|什么时候|什么|怎么办|怎么|为什么|能不能|可不可以|可以|还没有|还没|"
            + "一下|已经|到底|是不是|有没有|吗|呢|吧|啊|呀|哦|了|的|我|你|您");
    private static final Pattern ENGLISH_FILLER = Pattern.compile("(?i)\\b(how|what|when|where|why|who|do|does|did|i|i'm|my|me|we|our|you|your|"
            + "can|could|would|will|please|is|are|was|it|its|the|a|an|to|of|for|has|have|had|been|get|got|still|yet|not|no|hi|hello|"
            + "thanks|thank|just|there|this|that|want|make|about|any|some|very|really|so)\\b");
    private static final Pattern PUNCTUATION = Pattern.compile("[，。！？、,.!?；;:：\\n\\r()（）\"“”']+");

    private SuggestionQueries() {
    }

    /** One query and how much its score counts. */
    public record Query(String text, float weight) {
    }

    /**
     * The queries for a message: its words without filler, and its topic keywords at half weight. Two queries only:
     * suggestions must stay within a few milliseconds (the search index keeps only the most informative words of a long
     * message when it ranks).
     */
    public static List<Query> of(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        List<String> keywords = topicKeywords(lower);
        var words = new ArrayList<String>();
        for (String chunk : PUNCTUATION.split(ENGLISH_FILLER.matcher(FILLER.matcher(message).replaceAll(" ")).replaceAll(" "))) {
            String c = chunk.strip().replaceAll("\\s+", " ");
            if (c.codePointCount(0, c.length()) >= 2) {
                words.addAll(List.of(c.split(" ")));
            }
        }
        var result = new ArrayList<Query>();
        if (!words.isEmpty()) {
            result.add(new Query(String.join(" ", new LinkedHashSet<>(words)), 1f));
        }
        String keywordQuery = String.join(" ", keywords);
        if (!keywordQuery.isBlank() && result.stream().noneMatch(q -> q.text().equals(keywordQuery))) {
            result.add(new Query(keywordQuery, KEYWORD_WEIGHT));
        }
        return result;
    }

    /** The topic keywords in the message, without those inside a longer one found too ("complain" in "complaint"). */
    static List<String> topicKeywords(String lowerCaseMessage) {
        List<String> found = new ArrayList<>(new LinkedHashSet<>(
                TopicClassifier.KEYWORDS.values().stream().flatMap(List::stream).filter(lowerCaseMessage::contains).toList()));
        found.removeIf(k -> found.stream().anyMatch(other -> other.length() > k.length() && other.contains(k)));
        return found;
    }
}
