package io.verbatim.ask.internal;

import io.verbatim.ask.ConversationScope;
import io.verbatim.ask.PassageFilter;
import io.verbatim.ask.SourceKind;
import java.util.Collection;
import java.util.UUID;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link PassageFilter} as one Lucene filter: BM25 uses it as a FILTER clause and the vector search as
 * its pre-filter, so what the caller may not read never takes part in ranking.
 */
final class PassageFilters {

    private PassageFilters() {
    }

    static Query toQuery(String tenant, PassageFilter filter) {
        BooleanQuery.Builder kinds = new BooleanQuery.Builder();
        int allowed = 0;
        if (filter.kinds().contains(SourceKind.DOCUMENT) && !filter.collectionIds().isEmpty()) {
            kinds.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PassageDocuments.KIND, SourceKind.DOCUMENT.wire())), BooleanClause.Occur.FILTER)
                    .add(anyOf(PassageDocuments.COLLECTION, filter.collectionIds().stream().map(UUID::toString).toList()),
                            BooleanClause.Occur.FILTER)
                    .build(), BooleanClause.Occur.SHOULD);
            allowed++;
        }
        if (filter.kinds().contains(SourceKind.CONVERSATION) && filter.conversations() != null) {
            kinds.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PassageDocuments.KIND, SourceKind.CONVERSATION.wire())), BooleanClause.Occur.FILTER)
                    .add(scope(tenant, filter.conversations()), BooleanClause.Occur.FILTER)
                    .build(), BooleanClause.Occur.SHOULD);
            allowed++;
        }
        if (allowed == 0) {
            return new MatchNoDocsQuery("nothing the caller may read");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(ChunkDocuments.TENANT, tenant)), BooleanClause.Occur.FILTER);
        b.add(kinds.setMinimumNumberShouldMatch(1).build(), BooleanClause.Occur.FILTER);
        if (!filter.sourceIds().isEmpty()) {
            b.add(anyOf(PassageDocuments.SOURCE_ID, filter.sourceIds().stream().map(UUID::toString).toList()), BooleanClause.Occur.FILTER);
        }
        filter.facets().forEach((key, values) -> {
            if (!values.isEmpty()) { // an empty list does not narrow
                b.add(anyOf(key, values), BooleanClause.Occur.FILTER);
            }
        });
        if (filter.from() != null || filter.to() != null) {
            long lo = filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochMilli();
            long hi = filter.to() == null ? Long.MAX_VALUE : filter.to().toEpochMilli() - 1;
            b.add(LongField.newRangeQuery(ChunkDocuments.AT, lo, hi), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** The role scope as index terms: agent -> own passages, team -> the team's or unassigned, all -> the tenant. */
    static Query scope(String tenant, ConversationScope scope) {
        return switch (scope.kind()) {
            case AGENT -> new TermQuery(new Term(ChunkDocuments.AGENT, scope.userId().toString()));
            case TEAM -> anyOf(ChunkDocuments.TEAM, java.util.List.of(scope.teamId().toString(), ChunkDocuments.NONE));
            case ALL -> new TermQuery(new Term(ChunkDocuments.TENANT, tenant));
        };
    }

    private static Query anyOf(String field, Collection<String> values) {
        if (values.isEmpty()) {
            return new MatchNoDocsQuery("no " + field + " allowed");
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
