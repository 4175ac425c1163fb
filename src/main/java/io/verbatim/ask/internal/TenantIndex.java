package io.verbatim.ask.internal;

import io.verbatim.ask.SourceKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One tenant's Lucene index in its own directory: a writer (thread-safe) and near-real-time searchers.
 * Nothing in it belongs to another tenant; every document also carries the tenant as a term.
 */
final class TenantIndex implements Closeable {

    /** English stemming and stop words for the transcript text; filter fields are exact terms. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** Commit user data: the change sequence number the index has applied up to. */
    private static final String APPLIED = "retrieval_seq";
    private final String tenant;
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private TenantIndex(String tenant, Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.tenant = tenant;
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    static TenantIndex open(String tenant, Path path) {
        try {
            Directory directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(analyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            if (hasNoPosition(writer)) {
                // An index from before the replica (or a new one): PostgreSQL is the source of truth, start from it.
                writer.deleteAll();
                writer.setLiveCommitData(Map.of(APPLIED, "0").entrySet());
            }
            writer.commit(); // a new index is readable at once
            return new TenantIndex(tenant, path, directory, writer, new SearcherManager(writer, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index of " + tenant + " at " + path, e);
        }
    }

    private static boolean hasNoPosition(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (APPLIED.equals(e.getKey())) {
                    return false;
                }
            }
        }
        return true;
    }

    String tenant() {
        return tenant;
    }

    Path path() {
        return path;
    }

    /** Replaces a conversation's chunks atomically (readers see the old set or the new one). */
    void replace(String conversationId, List<Document> docs) {
        replace(PassageDocuments.sourceTerm(SourceKind.CONVERSATION, UUID.fromString(conversationId)), docs);
    }

    /** Replaces all passages of one source atomically. */
    void replace(Term source, List<Document> docs) {
        try {
            if (docs.isEmpty()) {
                writer.deleteDocuments(source);
            } else {
                writer.updateDocuments(source, docs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last change of the tenant's sequence this index has applied (0 for a new index). */
    long appliedSeq() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (APPLIED.equals(e.getKey())) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    /** Makes changes up to {@code seq} durable and visible, recording the position in the same commit. */
    void commit(long seq) {
        writer.setLiveCommitData(Map.of(APPLIED, Long.toString(seq)).entrySet());
        commit();
    }

    void delete(String conversationId) {
        replace(conversationId, List.of());
    }

    /** Makes changes durable and visible to searches. */
    void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes changes visible to searches without the cost of a durable commit. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    <T> T search(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long chunks() {
        return search(s -> (long) s.count(new TermQuery(new Term(PassageDocuments.KIND, SourceKind.CONVERSATION.wire()))));
    }

    long passages() {
        return search(s -> (long) s.count(MatchAllDocsQuery.INSTANCE));
    }

    long conversations() {
        return search(s -> (long) s.count(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ChunkDocuments.FIRST, "1")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageDocuments.KIND, SourceKind.CONVERSATION.wire())), BooleanClause.Occur.FILTER)
                .build()));
    }

    void forceMerge(int segments) {
        try {
            writer.forceMerge(segments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
