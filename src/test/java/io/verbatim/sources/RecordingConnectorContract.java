package io.verbatim.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.credentials.CredentialFields;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What every {@link RecordingConnector} must do, whatever the provider: list every recording across
 * pages (a transient provider error survived), honour {@code since}, download media, and report a provider
 * that keeps failing, or a recording that is gone, as a {@link RecordingConnector.SourceException}.
 * An implementation's test supplies the connector and a provider fixture.
 */
public abstract class RecordingConnectorContract {

    /** A running provider with recordings {@code <prefix>-r1..rN} starting one minute apart after {@code first}. */
    public record Fixture(JsonNode settings, CredentialFields credential, Instant first, AutoCloseable provider) {
    }

    protected abstract RecordingConnector connector();

    protected abstract Fixture provider(String prefix, int recordings);

    /** Makes the fixture's provider fail every listing from now on. */
    protected abstract void breakListing(Fixture fixture);

    /** Makes one recording's media unavailable. */
    protected abstract void removeMedia(Fixture fixture, String id);

    private final List<Fixture> fixtures = new ArrayList<>();

    private Fixture fixture(String prefix, int n) {
        Fixture f = provider(prefix, n);
        fixtures.add(f);
        return f;
    }

    @AfterEach
    void closeProviders() throws Exception {
        for (Fixture f : fixtures) {
            f.provider().close();
        }
    }

    private static List<RecordingConnector.Recording> all(RecordingConnector.Session session, Instant since) {
        List<RecordingConnector.Recording> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RecordingConnector.Listing page = session.list(since, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < 100);
        return all;
    }

    @Test
    void listsEveryRecordingAcrossPagesWithItsIdAndStart() {
        Fixture f = fixture("c1", 5);
        List<RecordingConnector.Recording> listed = all(connector().open(f.settings(), f.credential()), null);
        assertThat(new TreeSet<>(listed.stream().map(RecordingConnector.Recording::externalId).toList()))
                .containsExactly("c1-r1", "c1-r2", "c1-r3", "c1-r4", "c1-r5");
        assertThat(listed.stream().filter(r -> r.externalId().equals("c1-r3")).findFirst().orElseThrow().startedAt())
                .isEqualTo(f.first().plusSeconds(180));
    }

    @Test
    void listsOnlyWhatStartedAfterSince() {
        Fixture f = fixture("c2", 5);
        List<RecordingConnector.Recording> listed = all(connector().open(f.settings(), f.credential()), f.first().plusSeconds(180));
        assertThat(new TreeSet<>(listed.stream().map(RecordingConnector.Recording::externalId).toList())).containsExactly("c2-r4", "c2-r5");
    }

    @Test
    void downloadsARecordingsMedia() throws Exception {
        Fixture f = fixture("c3", 2);
        RecordingConnector.Session session = connector().open(f.settings(), f.credential());
        RecordingConnector.Recording first = all(session, null).getFirst();
        RecordingConnector.Download download = session.download(first);
        try {
            assertThat(Files.size(download.file())).isGreaterThan(44);
            assertThat(download.contentType()).startsWith("audio/");
        } finally {
            Files.deleteIfExists(download.file());
        }
    }

    @Test
    void aProviderThatKeepsFailingAndAMissingRecordingAreSourceExceptions() {
        Fixture f = fixture("c4", 2);
        RecordingConnector.Session session = connector().open(f.settings(), f.credential());
        RecordingConnector.Recording first = all(session, null).getFirst();
        removeMedia(f, first.externalId());
        assertThatThrownBy(() -> session.download(first)).isInstanceOf(RecordingConnector.SourceException.class);
        breakListing(f);
        assertThatThrownBy(() -> session.list(null, null)).isInstanceOf(RecordingConnector.SourceException.class);
        assertThat(session.retries()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void wrongCredentialsAreASourceExceptionNamingNoSecret() {
        Fixture f = fixture("c5", 1);
        Map<String, String> wrong = new java.util.HashMap<>(f.credential().values());
        wrong.replaceAll((k, v) -> k.contains("secret") || k.contains("password") || k.contains("key") ? "wrong-" + v : v);
        RecordingConnector.Session session = connector().open(f.settings(), new CredentialFields("wrong", wrong));
        assertThatThrownBy(() -> session.list(null, null)).isInstanceOf(RecordingConnector.SourceException.class)
                .satisfies(e -> wrong.values().stream().filter(v -> v.startsWith("wrong-"))
                        .forEach(v -> assertThat(e.getMessage()).doesNotContain(v)));
    }
}
