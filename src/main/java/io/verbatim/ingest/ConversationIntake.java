package io.verbatim.ingest;

import io.verbatim.conversations.Accepted;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.Direction;
import io.verbatim.conversations.InputKind;
import io.verbatim.conversations.NewConversation;
import io.verbatim.identity.CurrentUser;
import io.verbatim.ingest.internal.AgentResolver;
import io.verbatim.ingest.transcripts.ChannelRoles;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.media.MediaDecoder;
import io.verbatim.media.MediaInfo;
import io.verbatim.pipeline.Pipeline;
import io.verbatim.platform.ProblemException;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.StorageLayout;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a conversation enters Verbatim. Idempotent: the same {@code (source, external_id)}, or
 * the same {@code Idempotency-Key}, returns the original conversation and starts nothing new. Input
 * that is not media, or not a transcript, is refused before anything is stored; what is accepted is
 * stored, recorded and enqueued together, so nothing accepted is ever lost.
 */
@Service
public class ConversationIntake {

    /** Live conversations are processed before bulk imports. */
    public static final int LIVE_PRIORITY = 10;
    public static final int BULK_PRIORITY = 0;
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern RECORDING_NAME = Pattern.compile("[a-z0-9]{1,20}");

    private final Conversations conversations;
    private final Pipeline pipeline;
    private final TenantStorage storage;
    private final Tenants tenants;
    private final MediaDecoder media;
    private final TranscriptImporters importers;
    private final AgentResolver agents;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    public ConversationIntake(Conversations conversations, Pipeline pipeline, TenantStorage storage, Tenants tenants,
                              MediaDecoder media, TranscriptImporters importers, AgentResolver agents, JsonMapper json,
                              PlatformTransactionManager transactions) {
        this.conversations = conversations;
        this.pipeline = pipeline;
        this.storage = storage;
        this.tenants = tenants;
        this.media = media;
        this.importers = importers;
        this.agents = agents;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Accepted accept(IntakeInput input, IngestMetadata given, String idempotencyKey) {
        IngestMetadata metadata = given == null ? IngestMetadata.empty() : given;
        String source = clean(metadata.source()) == null ? "upload" : clean(metadata.source());
        String externalId = clean(metadata.externalId());
        String key = clean(idempotencyKey);
        if (key != null && key.length() > 255) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be at most 255 characters");
        }
        Direction direction = metadata.direction() == null ? Direction.UNKNOWN : Direction.fromWire(metadata.direction());
        Channel channel = metadata.channel() == null ? Channel.PHONE : Channel.fromWire(metadata.channel());
        Map<String, String> channelRoles = channelRoles(metadata.channelRoles());
        if (externalId != null) {
            Optional<Conversation> repeat = conversations.findRepeat(source, externalId, null, null);
            if (repeat.isPresent()) {
                return new Accepted(repeat.get(), true);
            }
        }
        UUID id = UUID.randomUUID();
        TenantId tenant = TenantContext.require();
        // The caller's authentication read the tenant a moment ago: its storage mode comes with it (no query per upload)
        TenantBlobs blobs = CurrentUser.storageOf(tenant).map(mode -> storage.forTenant(tenant, mode))
                .orElseGet(() -> storage.forTenant(tenants.get(tenant)));
        List<BlobKey> stored = new ArrayList<>();
        try {
            Stored received = store(input, id, blobs, channelRoles, stored);
            String metadataJson = json.writeValueAsString(metadata);
            String fingerprint = received.sha256() + ":" + sha256(metadataJson.getBytes(StandardCharsets.UTF_8));
            if (key != null) {
                Optional<Conversation> repeat = conversations.findRepeat(source, null, key, fingerprint);
                if (repeat.isPresent()) {
                    deleteQuietly(blobs, stored);
                    return new Accepted(repeat.get(), true);
                }
            }
            // The metadata copy beside the recording (input/<tenant>/meta/<id>.json) is written by the pipeline's first
            // stage from the conversation row, which holds all of it: on this thread it cost the accept three fsyncs.
            AgentResolver.Resolved agent = agents.resolve(metadata.agent());
            IngestMetadata.Customer customer = metadata.customer() == null
                    ? new IngestMetadata.Customer(null, null, null) : metadata.customer();
            NewConversation conversation = new NewConversation(id, source, externalId, key, fingerprint, direction, channel,
                    metadata.startedAt(), agent.agent(), agent.teamId(),
                    new Conversation.Customer(customer.name(), customer.phone(), customer.email()),
                    clean(metadata.language()), channelRoles, metadata.tags() == null ? List.of() : metadata.tags(),
                    attributes(metadata.attributes(), received.recordings()), received.input(),
                    Boolean.TRUE.equals(metadata.bulk()) ? BULK_PRIORITY : LIVE_PRIORITY);
            Accepted accepted = transaction.execute(tx -> {
                Accepted result = conversations.accept(conversation);
                if (!result.duplicate()) {
                    if (received.transcript() != null) {
                        conversations.saveTranscript(id, received.transcript());
                    }
                    pipeline.start(result.conversation());
                }
                return result;
            });
            if (accepted.duplicate()) {
                deleteQuietly(blobs, stored);
            }
            return accepted;
        } catch (RuntimeException e) {
            deleteQuietly(blobs, stored);
            throw e;
        }
    }

    private record Stored(Conversation.Input input, String sha256, Transcript transcript, Map<String, Object> recordings) {
        Stored(Conversation.Input input, String sha256, Transcript transcript) {
            this(input, sha256, transcript, Map.of());
        }
    }

    private static Map<String, Object> attributes(Map<String, Object> given, Map<String, Object> recordings) {
        if (recordings.isEmpty()) {
            return given == null ? Map.of() : given;
        }
        Map<String, Object> merged = new LinkedHashMap<>(given == null ? Map.of() : given);
        merged.put("recordings", recordings);
        return merged;
    }

    /** Keeps each recording beside the transcript, under the conversation's audio prefix so deleting it removes them. */
    private Map<String, Object> storeRecordings(Map<String, IntakeInput.Media> recordings, UUID id, TenantBlobs blobs,
                                                List<BlobKey> stored) {
        Map<String, Object> kept = new LinkedHashMap<>();
        recordings.forEach((name, m) -> {
            if (!RECORDING_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Recording name '" + name + "' is not [a-z0-9]{1,20}");
            }
            MediaInfo info = media.probe(m.file());
            BlobKey key = blobs.layout().key(StorageLayout.INPUT, "audio", id + "." + name + "." + extension(m.filename(), info));
            String type = m.contentType() == null || m.contentType().isBlank() ? BlobAttributes.OCTET_STREAM : m.contentType();
            try (InputStream in = Files.newInputStream(m.file())) {
                var blob = blobs.put(key, in, BlobAttributes.of(type));
                stored.add(key);
                kept.put(name, Map.of("key", key.value(), "content_type", type, "size", blob.size(),
                        "duration_seconds", info.duration().toMillis() / 1000.0, "channels", info.channels()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return kept;
    }

    private Stored store(IntakeInput input, UUID id, TenantBlobs blobs, Map<String, String> channelRoles, List<BlobKey> stored) {
        return switch (input) {
            case IntakeInput.Media m -> {
                MediaInfo info = media.probe(m.file()); // refuses what is not media before anything is stored
                BlobKey blobKey = blobs.layout().audio(id.toString(), extension(m.filename(), info));
                MessageDigest digest = sha256Digest();
                try (InputStream in = new DigestInputStream(Files.newInputStream(m.file()), digest)) {
                    String type = m.contentType() == null || m.contentType().isBlank() ? BlobAttributes.OCTET_STREAM : m.contentType();
                    var blob = blobs.put(blobKey, in, BlobAttributes.of(type));
                    stored.add(blobKey);
                    String sha = HexFormat.of().formatHex(digest.digest());
                    yield new Stored(new Conversation.Input(InputKind.MEDIA, blobKey.value(), type, blob.size(), sha,
                            m.filename()), sha, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case IntakeInput.TranscriptFile t -> {
                Transcript transcript = importers.read(t.content(), t.format(), importerRoles(channelRoles));
                BlobKey blobKey = blobs.layout().rawTranscript(id.toString());
                blobs.put(blobKey, t.content(), BlobAttributes.of(looksLikeJson(t.content()) ? BlobAttributes.JSON : "text/plain"));
                stored.add(blobKey);
                String sha = sha256(t.content());
                yield new Stored(new Conversation.Input(InputKind.TRANSCRIPT, blobKey.value(),
                        looksLikeJson(t.content()) ? BlobAttributes.JSON : "text/plain", (long) t.content().length, sha,
                        t.filename()), sha, transcript);
            }
            case IntakeInput.TranscriptWithRecordings tr -> {
                Stored transcript = store(tr.transcript(), id, blobs, channelRoles, stored);
                yield new Stored(transcript.input(), transcript.sha256(), transcript.transcript(),
                        storeRecordings(tr.recordings(), id, blobs, stored));
            }
        };
    }

    /** Channel names may be left/right, 0/1 or ch_0/ch_1; roles agent or customer. Stored as left/right. */
    static Map<String, String> channelRoles(Map<String, String> given) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("left", "agent");
        roles.put("right", "customer");
        if (given == null) {
            return roles;
        }
        given.forEach((channel, role) -> {
            String side = switch (channel.strip().toLowerCase(Locale.ROOT)) {
                case "left", "0", "ch_0", "channel_0" -> "left";
                case "right", "1", "ch_1", "channel_1" -> "right";
                default -> throw ProblemException.badRequest("invalid-channel-roles",
                        "channel_roles keys are left/right (or 0/1), not '" + channel + "'");
            };
            Speaker speaker = Speaker.fromWire(role);
            if (speaker == Speaker.UNKNOWN) {
                throw ProblemException.badRequest("invalid-channel-roles", "channel_roles values are agent or customer, not '" + role + "'");
            }
            roles.put(side, speaker.wire());
        });
        if (roles.get("left").equals(roles.get("right"))) {
            throw ProblemException.badRequest("invalid-channel-roles", "left and right must be different speakers");
        }
        return roles;
    }

    static ChannelRoles importerRoles(Map<String, String> roles) {
        return ChannelRoles.defaults().withChannel(0, Speaker.fromWire(roles.get("left")))
                .withChannel(1, Speaker.fromWire(roles.get("right")));
    }

    private static String extension(String filename, MediaInfo info) {
        if (filename != null) {
            int dot = filename.lastIndexOf('.');
            if (dot >= 0 && dot < filename.length() - 1) {
                String ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (EXTENSION.matcher(ext).matches()) {
                    return ext;
                }
            }
        }
        String container = info.container().split(",")[0].toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(container).matches() ? container : "bin";
    }

    private static boolean looksLikeJson(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static void deleteQuietly(TenantBlobs blobs, List<BlobKey> keys) {
        for (BlobKey key : keys) {
            try {
                blobs.delete(key);
            } catch (RuntimeException ignored) {
                // the original error matters more; an orphan blob is reported by nothing but harms nothing
            }
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
