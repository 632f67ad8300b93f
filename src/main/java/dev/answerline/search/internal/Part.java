package dev.answerline.search.internal;

import dev.answerline.memory.MemoryException;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.MMapDirectory;

/**
 * One Lucene index that can change while it is searched: answers live in one, blog posts and products in
 * another, so that searching answers needs no filter and always ranks them first.
 *
 * <p>The index is memory-mapped from a temporary folder, not kept on the heap: for 100,000 answers it is
 * hundreds of megabytes that the operating system's page cache holds as well, and it is deleted on close.
 */
public final class Part implements AutoCloseable {
    /** Heap taken by documents not yet written out; more makes fewer segments to merge, not much faster. */
    private static final double BUFFER_MB = 48;

    private final Path folder;
    private final IndexWriter writer;
    private SearcherManager searchers;

    public Part(Analyzer analyzer) {
        try {
            this.folder = IndexFolders.create();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(BUFFER_MB)
                    .setCommitOnClose(false);
            this.writer = new IndexWriter(new MMapDirectory(folder), config);
        } catch (IOException e) {
            throw folderFailed(e);
        }
    }

    /**
     * A failure of the index's own I/O, which goes to its folder in the temporary folder: when that fails, the
     * folder's disk is why (missing, read-only, full), not the content.
     */
    public static MemoryException folderFailed(IOException e) {
        return MemoryException.temporaryFolder(IndexFolders.base(), "the search index", e);
    }

    /** Adds a document; several threads may add at once while the part is being built. */
    public void add(Document doc) {
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            // the index is written to its folder as it grows: a failure here is that folder's disk
            throw folderFailed(e);
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

    /** The reader of a part that is no longer written to; call {@link #refresh} once before. */
    public IndexReader reader() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader();
        } finally {
            searchers.release(searcher);
        }
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @Override
    public void close() throws IOException {
        try {
            if (searchers != null) {
                searchers.close();
            }
            writer.close();
        } finally {
            IndexFolders.delete(folder);
        }
    }
}
