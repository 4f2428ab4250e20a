package com.steadydesk.search.internal;

import com.steadydesk.search.SearchDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** How a {@link SearchDocument} is laid out in Lucene: field names, what is stored, what is exact-match. */
public final class IndexedDocuments {

    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String TAG = "tag";
    public static final String LANGUAGE = "language";
    public static final String PUBLIC = "public";
    public static final String UPDATED_AT = "updatedAt";
    /** Prefix of the owner's exact-match fields ({@code f.category}, {@code f.url}...). */
    public static final String FIELD_PREFIX = "f.";

    private static final Pattern KIND_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private IndexedDocuments() {
    }

    /** Kinds name directories on disk, so they are restricted to a safe alphabet. */
    public static String checkedKind(String kind) {
        if (kind == null || !KIND_NAME.matcher(kind).matches()) {
            throw new IllegalArgumentException("Search kind must match " + KIND_NAME + ": " + kind);
        }
        return kind;
    }

    public static Term idTerm(String id) {
        return new Term(ID, id);
    }

    public static Document toLucene(SearchDocument doc) {
        checkedKind(doc.kind());
        if (doc.id() == null || doc.id().isBlank()) {
            throw new IllegalArgumentException("Search document needs an id");
        }
        String title = nullToEmpty(doc.title());
        String body = nullToEmpty(doc.body());
        List<String> tags = doc.tags() == null ? List.of() : doc.tags();
        Document d = new Document();
        d.add(new StringField(ID, doc.id(), Field.Store.YES));
        d.add(new StringField(KIND, doc.kind(), Field.Store.YES));
        d.add(new StoredField(TITLE, title));
        d.add(new StoredField(BODY, body));
        addAnalysed(d, "title", title);
        addAnalysed(d, "body", body);
        addAnalysed(d, "tags", String.join(" ; ", tags));
        for (String tag : tags) {
            d.add(new StringField(TAG, tag, Field.Store.YES));
        }
        if (doc.language() != null && !doc.language().isBlank()) {
            d.add(new StringField(LANGUAGE, doc.language(), Field.Store.YES));
        }
        d.add(new StringField(PUBLIC, Boolean.toString(doc.publicVisible()), Field.Store.YES));
        long updated = doc.updatedAt() == null ? 0L : doc.updatedAt().toEpochMilli();
        d.add(new LongPoint(UPDATED_AT, updated));
        d.add(new NumericDocValuesField(UPDATED_AT, updated));
        d.add(new StoredField(UPDATED_AT, updated));
        if (doc.fields() != null) {
            doc.fields().forEach((name, value) -> {
                if (value != null && FIELD_NAME.matcher(name).matches()) {
                    d.add(new StringField(FIELD_PREFIX + name, value, Field.Store.YES));
                }
            });
        }
        return d;
    }

    /** Exact filter on a document attribute: {@code language}, {@code tag}, or any owner field. */
    public static Query filter(String name, String value) {
        String field = switch (name) {
            case LANGUAGE, TAG, KIND, ID -> name;
            default -> FIELD_PREFIX + name;
        };
        return new TermQuery(new Term(field, value));
    }

    public static Map<String, String> ownerFields(Document stored) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (IndexableField f : stored.getFields()) {
            if (f.name().startsWith(FIELD_PREFIX) && f.stringValue() != null) {
                fields.put(f.name().substring(FIELD_PREFIX.length()), f.stringValue());
            }
        }
        return fields;
    }

    private static void addAnalysed(Document d, String group, String text) {
        if (text.isEmpty()) {
            return;
        }
        d.add(new TextField(group + TextAnalysis.WORDS, text, Field.Store.NO));
        d.add(new TextField(group + TextAnalysis.BIGRAMS, text, Field.Store.NO));
        d.add(new TextField(group + TextAnalysis.ENGLISH, text, Field.Store.NO));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
