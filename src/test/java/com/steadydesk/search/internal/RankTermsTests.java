package com.steadydesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.search.SearchDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class RankTermsTests {

    final Analyzer analyzer = TextAnalysis.perField();

    DirectoryReader library(String... bodies) throws Exception {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < bodies.length; i++) {
                writer.addDocument(IndexedDocuments.toLucene(new SearchDocument("script", "s" + i, "script " + i, bodies[i], List.of(),
                        Map.of(), "en", false, Instant.EPOCH)));
            }
        }
        return DirectoryReader.open(directory);
    }

    @Test
    void keepsTheRarestKnownWordsOfALongTextInTheirOrder() throws Exception {
        try (var reader = library("Your refund is on its way back.", "Your medlar refund is on its way back.", "The refund of your order.",
                "退款已经处理，物流信息请查看。", "物流延迟，请耐心等待。")) {
            String message = "neighbour recommended medlar shop wrapping lovely arrived quickly fruit tasted odd sent back refund 物流也查不到";
            // the four words the index knows, and the first two it does not know fill the room that is left
            assertThat(RankTerms.mostInformative(message, analyzer, reader).split(" "))
                    .containsExactly("neighbour", "recommended", "medlar", "back", "refund", "物流也查不到");
        }
    }

    @Test
    void leavesShortAndQuotedTextsAlone() throws Exception {
        try (var reader = library("Your refund is on its way back.")) {
            assertThat(RankTerms.mostInformative("refund back week", analyzer, reader)).isEqualTo("refund back week");
            String quoted = "a b c d e f g \"refund back\"";
            assertThat(RankTerms.mostInformative(quoted, analyzer, reader)).isEqualTo(quoted);
        }
    }
}
