package io.verbatim.sources.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.media.MediaProperties;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.sources.RecordingConnector;
import io.verbatim.sources.RecordingConnectorContract;
import io.verbatim.sources.SourcesProperties;
import io.verbatim.webhooks.TargetGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The generic REST connector passes the connector contract against the misbehaving local provider. */
class RestRecordingConnectorContractTest extends RecordingConnectorContract {

    @TempDir
    Path work;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected RecordingConnector connector() {
        SourcesProperties properties = new SourcesProperties(true, Duration.ofSeconds(30), 1, 3, Duration.ofMillis(10),
                Duration.ofSeconds(10), Duration.ofHours(6), Duration.ofMinutes(30), 100);
        MediaProperties media = new MediaProperties(DataSize.ofGigabytes(2), Duration.ofHours(4), work, null, "fatal");
        PlatformProperties platform = new PlatformProperties(work, new PlatformProperties.Db(null, null, null, "verbatim_app", null, 0, 2, "auto"));
        return new RestRecordingConnector(new TargetGuard(true), properties, json, media, platform);
    }

    @Override
    protected Fixture provider(String prefix, int recordings) {
        FakeRecordingProvider provider = new FakeRecordingProvider(prefix, recordings);
        return new Fixture(json.readTree("""
                {"items_path":"data","page_size":2,"total_pages_path":"meta.total_pages",
                 "fields":{"id":"recording_id","agent":"agent_email","started_at":"call_start","direction":"dir",
                           "customer_number":"caller.number"}}"""),
                new CredentialFields("contract", Map.of("base_url", provider.baseUrl(), "token_path", "/oauth/token",
                        "recordings_path", "/api/v2/recordings", "recording_download_path", "/api/v2/recordings/{id}/media",
                        "client_id", FakeRecordingProvider.CLIENT_ID, "client_secret", FakeRecordingProvider.CLIENT_SECRET,
                        "username", FakeRecordingProvider.USER, "password", FakeRecordingProvider.PASSWORD)),
                FakeRecordingProvider.FIRST, provider);
    }

    @Override
    protected void breakListing(Fixture fixture) {
        ((FakeRecordingProvider) fixture.provider()).down.set(true);
    }

    @Override
    protected void removeMedia(Fixture fixture, String id) {
        ((FakeRecordingProvider) fixture.provider()).missingMedia.add(id);
    }
}
