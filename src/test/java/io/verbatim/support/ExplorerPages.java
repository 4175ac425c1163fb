package io.verbatim.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Every conversation the Calls Explorer API lists for a caller, read page by page through its cursors. */
public final class ExplorerPages {

    private ExplorerPages() {
    }

    /** All rows of {@code /api/v1/explorer?<query>}, {@code pageSize} at a time (small pages exercise the cursor). */
    public static List<JsonNode> all(ApiClient api, String token, String query, int pageSize) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            var r = api.get("/api/v1/explorer?limit=" + pageSize + "&" + query + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            r.body().get("items").forEach(rows::add);
            cursor = r.body().path("next_cursor").isString() ? r.body().get("next_cursor").asString() : null;
        } while (cursor != null);
        return rows;
    }
}
