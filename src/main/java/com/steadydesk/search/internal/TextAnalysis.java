package com.steadydesk.search.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The three analyses every text field gets, one Lucene field each: {@code .cn} smartcn words (precision for
 * Chinese), {@code .bi} CJK bigrams (recall for Chinese, and exact substrings), {@code .en} English with stemming.
 * Queries are analysed with the same per-field analyzer, so index and query always agree.
 */
public final class TextAnalysis {

    /** Analysed text groups of a document. */
    public static final List<String> GROUPS = List.of("title", "body", "tags");
    public static final String WORDS = ".cn";
    public static final String BIGRAMS = ".bi";
    public static final String ENGLISH = ".en";

    private static final Set<String> CJK_TOKEN_TYPES = Set.of(
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL]);

    private TextAnalysis() {
    }

    /** One analyzer for index and query: the field name's suffix picks the analysis. */
    public static Analyzer perField() {
        Analyzer words = new SmartChineseAnalyzer(true);
        Analyzer bigrams = bigrams();
        Analyzer english = english();
        Map<String, Analyzer> byField = new HashMap<>();
        for (String group : GROUPS) {
            byField.put(group + WORDS, words);
            byField.put(group + BIGRAMS, bigrams);
            byField.put(group + ENGLISH, english);
        }
        return new PerFieldAnalyzerWrapper(bigrams, byField);
    }

    /** Overlapping two-character grams for Chinese (Japanese, Korean), whole lower-cased words otherwise. */
    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }

    /**
     * English words stemmed (refunds, refunded → refund), stop words dropped. Chinese characters are dropped here:
     * as single characters they would match almost everything; the other two analyses cover them.
     */
    public static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new CJKWidthFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new TypeTokenFilter(stream, CJK_TOKEN_TYPES);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }
}
