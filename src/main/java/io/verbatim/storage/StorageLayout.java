package io.verbatim.storage;

import io.verbatim.tenancy.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a tenant's objects live, exactly as DESIGN.md lays them out (the same keys on disk, in
 * the shared bucket and in a dedicated one):
 *
 * <pre>
 * input/&lt;tenant&gt;/audio/&lt;conversation&gt;.&lt;ext&gt;                    original media
 * input/&lt;tenant&gt;/meta/&lt;conversation&gt;.json                       source metadata (written by the pipeline's first stage); drop-folder sidecars
 * results/&lt;tenant&gt;/raw/&lt;conversation&gt;.json                      engine transcript
 * results/&lt;tenant&gt;/enriched/&lt;conversation&gt;.json                 transcript + enrichment
 * results/&lt;tenant&gt;/final/v1.0/&lt;conversation&gt;.json               full analysis document
 * results/&lt;tenant&gt;/final/v2.0-flat/calls/&lt;conversation&gt;.json     flat call record
 * results/&lt;tenant&gt;/final/v2.0-flat/qa/&lt;conversation&gt;.json        flat QA record
 * config/&lt;tenant&gt;/ai-config.json                                analysis settings
 * config/&lt;tenant&gt;/qa-config.json                                QA scorecards
 * </pre>
 *
 * <p>Conversation ids are 1 to 128 letters, digits, {@code _} and {@code -} (UUIDs, ULIDs,
 * provider call ids). No dots: the first dot of an audio key starts its extension, so
 * {@link #audioPrefix} matches one conversation's media and never another's.
 */
public record StorageLayout(TenantId tenant) {

    public static final String INPUT = "input";
    public static final String RESULTS = "results";
    public static final String CONFIG = "config";

    private static final List<String> AREAS = List.of(INPUT, RESULTS, CONFIG);
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    public StorageLayout {
        if (tenant == null) {
            throw new IllegalArgumentException("A layout needs a tenant");
        }
    }

    public static StorageLayout of(TenantId tenant) {
        return new StorageLayout(tenant);
    }

    /** {@code input/<tenant>/audio/<conversation>.<ext>}; the extension is lower-cased. */
    public BlobKey audio(String conversationId, String extension) {
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        if (!EXTENSION.matcher(ext).matches()) {
            throw new InvalidBlobKeyException("'" + BlobKey.printable(String.valueOf(extension))
                    + "' is not a media file extension: use 1-10 letters and digits");
        }
        return key(INPUT, "audio", requireConversationId(conversationId) + "." + ext);
    }

    /** {@code input/<tenant>/audio/<conversation>.}: the conversation's media whatever its extension. */
    public String audioPrefix(String conversationId) {
        return root(INPUT) + "audio/" + requireConversationId(conversationId) + ".";
    }

    /** {@code input/<tenant>/meta/<conversation>.json} */
    public BlobKey sourceMetadata(String conversationId) {
        return json(INPUT, "meta", conversationId);
    }

    /** {@code results/<tenant>/raw/<conversation>.json} */
    public BlobKey rawTranscript(String conversationId) {
        return json(RESULTS, "raw", conversationId);
    }

    /** {@code results/<tenant>/enriched/<conversation>.json} */
    public BlobKey enrichedTranscript(String conversationId) {
        return json(RESULTS, "enriched", conversationId);
    }

    /** {@code results/<tenant>/final/v1.0/<conversation>.json} */
    public BlobKey analysis(String conversationId) {
        return json(RESULTS, "final/v1.0", conversationId);
    }

    /** {@code results/<tenant>/final/v2.0-flat/calls/<conversation>.json} */
    public BlobKey flatCall(String conversationId) {
        return json(RESULTS, "final/v2.0-flat/calls", conversationId);
    }

    /** {@code results/<tenant>/final/v2.0-flat/qa/<conversation>.json} */
    public BlobKey flatQa(String conversationId) {
        return json(RESULTS, "final/v2.0-flat/qa", conversationId);
    }

    /** Every document a conversation has besides its media (see {@link #audioPrefix} for that). */
    public List<BlobKey> conversationDocuments(String conversationId) {
        return List.of(sourceMetadata(conversationId), rawTranscript(conversationId), enrichedTranscript(conversationId),
                analysis(conversationId), flatCall(conversationId), flatQa(conversationId));
    }

    /** {@code config/<tenant>/ai-config.json} */
    public BlobKey aiConfig() {
        return key(CONFIG, "ai-config.json");
    }

    /** {@code config/<tenant>/qa-config.json} */
    public BlobKey qaConfig() {
        return key(CONFIG, "qa-config.json");
    }

    /**
     * A key of the tenant's own in one area ({@link #INPUT}, {@link #RESULTS}, {@link #CONFIG}), for
     * objects the table above does not name yet ({@code key(INPUT, "documents", id + ".pdf")}).
     */
    public BlobKey key(String area, String... path) {
        StringBuilder key = new StringBuilder(root(area));
        for (int i = 0; i < path.length; i++) {
            key.append(i == 0 ? "" : "/").append(path[i]);
        }
        return new BlobKey(key.toString());
    }

    /** {@code <area>/<tenant>/}: the tenant's prefix in one area (with the slash, so {@code acme} never matches {@code acme-2}). */
    public String root(String area) {
        if (!AREAS.contains(area)) {
            throw new InvalidBlobKeyException("'" + BlobKey.printable(String.valueOf(area)) + "' is not a storage area: use one of " + AREAS);
        }
        return area + "/" + tenant.value() + "/";
    }

    /** The tenant's three prefixes; everything the tenant owns starts with one of them. */
    public List<String> roots() {
        return AREAS.stream().map(this::root).toList();
    }

    /** Whether {@code key} lies in this tenant's space. */
    public boolean owns(BlobKey key) {
        return ownsPrefix(key.value());
    }

    /** Whether everything under {@code prefix} lies in this tenant's space. */
    public boolean ownsPrefix(String prefix) {
        return prefix != null && roots().stream().anyMatch(prefix::startsWith);
    }

    /** The tenant a layout key belongs to, read from its second segment. */
    public static Optional<TenantId> tenantOf(BlobKey key) {
        String[] segments = key.value().split("/", 3);
        if (segments.length < 3 || !AREAS.contains(segments[0]) || !TenantId.isValid(segments[1])) {
            return Optional.empty();
        }
        return Optional.of(TenantId.of(segments[1]));
    }

    public static String requireConversationId(String conversationId) {
        if (conversationId == null || !CONVERSATION_ID.matcher(conversationId).matches()) {
            throw new InvalidBlobKeyException("'" + BlobKey.printable(String.valueOf(conversationId))
                    + "' is not a conversation id: use 1-128 letters, digits, '_' and '-'");
        }
        return conversationId;
    }

    private BlobKey json(String area, String folder, String conversationId) {
        return new BlobKey(root(area) + folder + "/" + requireConversationId(conversationId) + ".json");
    }
}
