package dev.answerline.search.internal;

import dev.answerline.content.Answer;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Product;
import dev.answerline.markdown.Markdown;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * The index's documents: one per answer, blog post and product. Markdown is indexed as the text a reader
 * sees. Fields shown as snippets keep their offsets, so that highlighting needs no second analysis.
 */
public final class Documents {
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String CATEGORY = "category";
    public static final String QUESTION = "question";
    /** What a reader sees first: the direct answer, the takeaways and the description, a paragraph each. */
    public static final String LEAD = "lead";
    /** The rest: the body and the related questions with their answers. */
    public static final String BODY = "body";

    public static final String ANSWER_TYPE = "answer";
    public static final String POST_TYPE = "post";
    public static final String PRODUCT_TYPE = "product";

    /** How much a match in each field counts: the question most, then the direct answer. */
    public static final Map<String, Float> WEIGHTS = weights();

    private static final FieldType SNIPPET = text(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

    private Documents() {}

    public static String id(String type, String slug) {
        return type + ":" + slug;
    }

    /** What a result shows of an answer, and the texts it is found by. */
    public static Item answer(Answer answer, String categoryName) {
        return new Item(id(ANSWER_TYPE, answer.slug()), answer.path(), answer.question(), categoryName,
                answer.category(), answer.description(), () -> lead(answer), () -> body(answer));
    }

    public static Item post(BlogPost post) {
        return new Item(id(POST_TYPE, post.slug()), post.path(), post.title(), null, null,
                post.description(), post::description, () -> post.source().prose().text());
    }

    public static Item product(Product product) {
        return new Item(id(PRODUCT_TYPE, product.slug()), product.path(), product.name(), null, null,
                product.description(), product::description, () -> product.source().prose().text());
    }

    /**
     * The index's document for an item. Nothing is stored but the id, as doc values: results take their
     * texts from the content in memory, which costs less than decompressing stored fields.
     */
    public static Document document(Item item) {
        Document doc = new Document();
        doc.add(new StringField(ID, item.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(item.id())));
        doc.add(new StringField(TYPE, item.type(), Field.Store.NO));
        if (item.category() != null) {
            doc.add(new StringField(CATEGORY, item.category(), Field.Store.NO));
        }
        doc.add(new TextField(QUESTION, item.title(), Field.Store.NO));
        doc.add(new TextField(Analysis.GRAMS, item.title(), Field.Store.NO));
        doc.add(new Field(LEAD, item.lead().get(), SNIPPET));
        doc.add(new Field(BODY, item.body().get(), SNIPPET));
        return doc;
    }

    /** The id of document {@code doc}, from the doc values. */
    public static String id(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues values = leaf.reader().getSortedDocValues(ID);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no " + ID);
        }
        return values.lookupOrd(values.ordValue()).utf8ToString();
    }

    private static String lead(Answer answer) {
        StringBuilder lead = new StringBuilder(plain(answer.answer()));
        answer.takeaways().forEach(t -> lead.append('\n').append(plain(t)));
        return lead.append('\n').append(answer.description()).toString();
    }

    /** The text of an answer's body field: the body and the related questions with their answers. */
    static String body(Answer answer) {
        StringBuilder body = new StringBuilder(answer.source().prose().text());
        answer.related().forEach(r -> body.append('\n').append(r.question()).append('\n').append(plain(r.answer())));
        return body.toString();
    }

    /** A field of Markdown as the text a reader sees: no markup, link texts without their addresses. */
    public static String plain(String markdown) {
        return Markdown.inline(markdown, 0).text().strip();
    }

    private static Map<String, Float> weights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(QUESTION, 4f);
        weights.put(LEAD, 2f);
        weights.put(BODY, 1f);
        return java.util.Collections.unmodifiableMap(weights);
    }

    /** Analysed text, not stored, with what the index keeps of it. */
    private static FieldType text(IndexOptions options) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }
}
