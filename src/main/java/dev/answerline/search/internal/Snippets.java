package dev.answerline.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The passage shown under each result, with the matching words in {@code <mark>}: from the lead (direct
 * answer, takeaways, description) when it matches, else from the body. The best matching paragraph is cut to
 * about two lines around its first match; everything but the marks is escaped.
 *
 * <p>Paragraphs rather than sentences, and a window cut by hand: finding sentence ends with the JDK's
 * break iterator was a quarter of the time of a search.
 */
public final class Snippets {
    private static final String[] FIELDS = {Documents.LEAD, Documents.BODY};
    /** About two lines of a result list. */
    private static final int LENGTH = 180;
    /** Context shown before the first match. */
    private static final int BEFORE = 50;

    private Snippets() {}

    /**
     * A snippet for each of the documents, in order; null where no field matches.
     *
     * @param queries what to mark, by preference: a passage with the words as typed reads better than one
     *     with only their synonyms
     * @param items the results' items by document number
     * @param lead an item's lead text, as {@link Item#lead()} makes it or from a cache of them
     */
    public static String[] of(IndexSearcher searcher, Analyzer analyzer, List<Query> queries, TopDocs docs,
            Map<Integer, Item> items, Function<Item, String> lead) throws IOException {
        String[] snippets = new String[docs.scoreDocs.length];
        if (snippets.length == 0) {
            return snippets;
        }
        Map<String, String> made = new HashMap<>();
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(0)
                .withFormatter(new Window())
                .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator ids, int threshold)
                    throws IOException {
                // from the content in memory: only the fields still needed, only for the results still open,
                // each made once per search though a second query may ask for it again
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    Item item = items.get(doc);
                    CharSequence[] row = new CharSequence[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        String field = fields[i];
                        row[i] = item == null ? "" : made.computeIfAbsent(field + doc,
                                key -> field.equals(Documents.LEAD) ? lead.apply(item) : item.body().get());
                    }
                    values.add(row);
                }
                return values;
            }
        };
        // query by query and field by field, each only for the results still without a snippet: bodies are long
        for (Query query : queries) {
            for (String field : FIELDS) {
                List<Integer> open = new ArrayList<>();
                for (int i = 0; i < snippets.length; i++) {
                    if (snippets[i] == null) {
                        open.add(i);
                    }
                }
                if (open.isEmpty()) {
                    return snippets;
                }
                ScoreDoc[] subset = open.stream().map(i -> docs.scoreDocs[i]).toArray(ScoreDoc[]::new);
                String[] found = highlighter.highlight(field, query, new TopDocs(docs.totalHits, subset), 1);
                for (int k = 0; k < subset.length; k++) {
                    if (found[k] != null && found[k].contains("<mark>")) {
                        snippets[open.get(k)] = found[k];
                    }
                }
            }
        }
        return snippets;
    }

    /** Text as HTML. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Window.escape(text, 0, text.length(), out);
        return out.toString();
    }

    /** Cuts the best passage to a window around its first match, and marks the matches in it. */
    static final class Window extends PassageFormatter {
        @Override
        public String format(Passage[] passages, String content) {
            if (passages.length == 0 || passages[0].getNumMatches() == 0) {
                return null;
            }
            Passage passage = passages[0];
            int from = passage.getStartOffset();
            int to = passage.getEndOffset();
            int first = passage.getMatchStarts()[0];
            int start = from;
            if (to - from > LENGTH && first - from > BEFORE) {
                start = wordStart(content, first - BEFORE, first);
            }
            int end = Math.min(to, start + LENGTH);
            if (end < to) {
                end = Math.max(wordEnd(content, start, end), Math.min(to, passage.getMatchEnds()[0]));
            }
            StringBuilder html = new StringBuilder(LENGTH + 64);
            if (start > from) {
                html.append("… ");
            }
            int at = start;
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int matchStart = Math.max(passage.getMatchStarts()[i], at);
                int matchEnd = Math.min(passage.getMatchEnds()[i], end);
                if (matchStart >= matchEnd) {
                    continue;
                }
                escape(content, at, matchStart, html);
                html.append("<mark>");
                escape(content, matchStart, matchEnd, html);
                html.append("</mark>");
                at = matchEnd;
            }
            escape(content, at, end, html);
            if (end < to) {
                html.append(" …");
            }
            return html.toString().strip();
        }

        /** The start of the word at or after {@code at}, but not after {@code limit}. */
        private static int wordStart(String text, int at, int limit) {
            int i = at;
            while (i < limit && !Character.isWhitespace(text.charAt(i - 1))) {
                i++;
            }
            return i;
        }

        /** The end of the last whole word before {@code at}. */
        private static int wordEnd(String text, int start, int at) {
            int i = at;
            while (i > start && !Character.isWhitespace(text.charAt(i))) {
                i--;
            }
            return i > start ? i : at;
        }

        private static void escape(String text, int from, int to, StringBuilder out) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
        }
    }
}
