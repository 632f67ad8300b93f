package dev.answerline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One in-memory Lucene index that can change while it is searched: answers live in one, blog posts and
 * products in another, so that searching answers needs no filter and always ranks them first.
 */
public final class Part implements AutoCloseable {
    private final IndexWriter writer;
    private SearcherManager searchers;

    public Part(Analyzer analyzer) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(256)
                    .setCommitOnClose(false);
            this.writer = new IndexWriter(new ByteBuffersDirectory(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a document; several threads may add at once while the part is being built. */
    public void add(Document doc) {
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces (or adds) the document with this id. */
    public void put(String id, Document doc) throws IOException {
        writer.updateDocument(new Term(Documents.ID, id), doc);
    }

    public void remove(String id) throws IOException {
        writer.deleteDocuments(new Term(Documents.ID, id));
    }

    /** Makes what was added, replaced and removed searchable. */
    public synchronized void refresh() throws IOException {
        if (searchers == null) {
            searchers = new SearcherManager(writer, null);
        } else {
            searchers.maybeRefreshBlocking();
        }
    }

    /** A searcher to give back with {@link #release}; call {@link #refresh} once before. */
    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @Override
    public void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        writer.close();
    }
}
