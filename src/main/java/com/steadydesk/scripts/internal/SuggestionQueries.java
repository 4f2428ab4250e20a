package com.steadydesk.scripts.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a customer's whole message into a few short search queries. The search index wants most words of a query to
 * match, which a chatty message ("请问我的退款什么时候到账啊？") never does against a short script; so filler words are
 * dropped, the message is cut at punctuation, and the topic keywords it contains make one more query.
 */
public final class SuggestionQueries {

    private static final int MAX_QUERIES = 2;
    private static final float KEYWORD_WEIGHT = 0.5f;
    private static final Pattern FILLER = Pattern.compile("请问|麻烦|你们|我们|我的|你好|您好|谢谢|什么时候|什么|怎么办|怎么|为什么|能不能|可不可以|可以|还没有|还没|"
            + "一下|已经|到底|是不是|有没有|吗|呢|吧|啊|呀|哦|了|的|我|你|您");
    private static final Pattern ENGLISH_FILLER = Pattern.compile("(?i)\\b(how|what|when|where|why|who|do|does|did|i|i'm|my|me|we|our|you|your|"
            + "can|could|would|will|please|is|are|was|it|its|the|a|an|to|of|for|has|have|had|been|get|got|still|yet|not|no|hi|hello|"
            + "thanks|thank|just|there|this|that)\\b");
    private static final Pattern PUNCTUATION = Pattern.compile("[，。！？、,.!?；;:：\\n\\r()（）\"“”']+");

    private SuggestionQueries() {
    }

    /** One query and how much its score counts. */
    public record Query(String text, float weight) {
    }

    /**
     * The queries for a message: its words without filler, and its topic keywords at half weight. Two queries only:
     * each costs a search with highlighting, and suggestions must stay within a few milliseconds.
     */
    public static List<Query> of(String message) {
        Set<String> queries = new LinkedHashSet<>();
        var chunks = new ArrayList<String>();
        for (String chunk : PUNCTUATION.split(ENGLISH_FILLER.matcher(FILLER.matcher(message).replaceAll(" ")).replaceAll(" "))) {
            String c = chunk.strip().replaceAll("\\s+", " ");
            if (c.codePointCount(0, c.length()) >= 2) {
                chunks.add(c);
            }
        }
        if (chunks.size() > 1) {
            queries.add(String.join(" ", chunks));
        }
        chunks.stream().sorted((a, b) -> b.length() - a.length()).forEach(queries::add);
        var result = new ArrayList<Query>();
        queries.stream().limit(MAX_QUERIES - 1).forEach(q -> result.add(new Query(q, 1f)));
        String lower = message.toLowerCase(Locale.ROOT);
        String keywords = String.join(" ", TopicClassifier.KEYWORDS.values().stream().flatMap(List::stream).filter(lower::contains).toList());
        if (!keywords.isBlank() && result.stream().noneMatch(q -> q.text().equals(keywords))) {
            result.add(new Query(keywords, KEYWORD_WEIGHT));
        }
        return result;
    }
}
