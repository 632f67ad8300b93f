package dev.answerline.search.internal;

import dev.answerline.content.Answer;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Product;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The index's documents: one per answer, blog post and product. Markdown is indexed as the text a reader
 * sees. Fields shown as snippets keep their offsets, so that highlighting needs no second analysis.
 */
public final class Documents {
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String CATEGORY = "category";
    public static final String QUESTION = "question";
    public static final String ANSWER = "answer";
    public static final String TAKEAWAYS = "takeaways";
    public static final String DESCRIPTION = "description";
    public static final String BODY = "body";
    public static final String RELATED = "related";
    public static final String PATH = "path";
    public static final String LABEL = "label";

    public static final String ANSWER_TYPE = "answer";
    public static final String POST_TYPE = "post";
    public static final String PRODUCT_TYPE = "product";

    /** How much a match in each field counts: the question most, then the direct answer. */
    public static final Map<String, Float> WEIGHTS = weights();

    private static final FieldType SNIPPET = snippetType();
    private static final Parser MARKDOWN = Parser.builder().extensions(java.util.List.of(TablesExtension.create()))
            .build();

    private Documents() {}

    public static String id(String type, String slug) {
        return type + ":" + slug;
    }

    public static Document answer(Answer answer, String categoryName) {
        Document doc = common(ANSWER_TYPE, answer.slug(), answer.path(), answer.question(), categoryName);
        doc.add(new StringField(CATEGORY, answer.category(), Field.Store.NO));
        doc.add(new SortedDocValuesField(CATEGORY, new BytesRef(answer.category())));
        doc.add(new Field(ANSWER, plain(answer.answer()), SNIPPET));
        doc.add(new TextField(TAKEAWAYS, answer.takeaways().stream().map(Documents::plain)
                .collect(Collectors.joining("\n")), Field.Store.NO));
        doc.add(new Field(DESCRIPTION, answer.description(), SNIPPET));
        doc.add(new Field(BODY, plain(answer.source().body()), SNIPPET));
        doc.add(new TextField(RELATED, answer.related().stream().map(r -> r.question() + "\n" + plain(r.answer()))
                .collect(Collectors.joining("\n")), Field.Store.NO));
        return doc;
    }

    public static Document post(BlogPost post) {
        Document doc = common(POST_TYPE, post.slug(), post.path(), post.title(), "Blog post");
        doc.add(new Field(DESCRIPTION, post.description(), SNIPPET));
        doc.add(new Field(BODY, plain(post.source().body()), SNIPPET));
        return doc;
    }

    public static Document product(Product product) {
        Document doc = common(PRODUCT_TYPE, product.slug(), product.path(), product.name(), "Product");
        doc.add(new Field(DESCRIPTION, product.description(), SNIPPET));
        doc.add(new Field(BODY, plain(product.source().body()), SNIPPET));
        return doc;
    }

    private static Document common(String type, String slug, String path, String title, String label) {
        Document doc = new Document();
        String id = id(type, slug);
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new StoredField(PATH, path));
        doc.add(new StoredField(LABEL, label));
        doc.add(new TextField(QUESTION, title, Field.Store.YES));
        doc.add(new TextField(Analysis.GRAMS, title, Field.Store.NO));
        return doc;
    }

    /** Markdown as the text a reader sees: no markup, link texts without their addresses. */
    public static String plain(String markdown) {
        if (markdown.indexOf('[') < 0 && markdown.indexOf('*') < 0 && markdown.indexOf('#') < 0
                && markdown.indexOf('`') < 0 && markdown.indexOf('_') < 0 && markdown.indexOf('<') < 0) {
            return markdown;
        }
        PlainText text = new PlainText();
        MARKDOWN.parse(markdown).accept(text);
        return text.out.toString().strip();
    }

    /** Collects the text of a Markdown tree, a line per block; HTML is left out. */
    private static final class PlainText extends AbstractVisitor {
        final StringBuilder out = new StringBuilder();

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            out.append('\n');
        }

        @Override
        public void visit(Heading heading) {
            visitChildren(heading);
            out.append('\n');
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.append(code.getLiteral()).append('\n');
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append(code.getLiteral()).append('\n');
        }

        @Override
        public void visit(CustomBlock block) {
            visitChildren(block);
            out.append('\n');
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            out.append(' ');
        }
    }

    private static Map<String, Float> weights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put(QUESTION, 4f);
        weights.put(ANSWER, 2f);
        weights.put(TAKEAWAYS, 1.5f);
        weights.put(DESCRIPTION, 1.5f);
        weights.put(RELATED, 1f);
        weights.put(BODY, 1f);
        return java.util.Collections.unmodifiableMap(weights);
    }

    private static FieldType snippetType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
