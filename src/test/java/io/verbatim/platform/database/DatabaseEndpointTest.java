package io.verbatim.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseEndpointTest {

    @Test
    void namesAnotherDatabaseOnTheSameServerKeepingTheParametersAndNeverPrintsThePassword() {
        var endpoint = new DatabaseEndpoint("jdbc:postgresql://db.example:5433/verbatim?sslmode=require", "owner", "s3cret", "app");
        assertThat(endpoint.database()).isEqualTo("verbatim");
        assertThat(endpoint.jdbcUrlFor("verbatim_verify_7")).isEqualTo("jdbc:postgresql://db.example:5433/verbatim_verify_7?sslmode=require");
        assertThat(endpoint.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> endpoint.jdbcUrlFor("x; DROP")).isInstanceOf(IllegalArgumentException.class);
    }
}
