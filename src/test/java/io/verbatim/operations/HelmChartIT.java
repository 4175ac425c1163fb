package io.verbatim.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart, checked without helm (none is installable here): its YAML loads once the template
 * expressions are blanked, the API and worker roles are two deployments that differ in the pipeline
 * switch, every environment variable it sets binds to a real {@code verbatim.*} property, and the probe
 * paths it names answer on a running node.
 */
class HelmChartIT extends PlatformTest {

    private static final Path CHART = Path.of("deploy/helm/verbatim");
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{.*?}}");

    /** A template as YAML: lines that are only a directive dropped, inline expressions replaced by a placeholder. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> template(String name) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (String line : Files.readAllLines(CHART.resolve("templates").resolve(name))) {
            if (line.strip().startsWith("{{") && line.strip().endsWith("}}")) {
                continue;
            }
            yaml.append(EXPRESSION.matcher(line).replaceAll("x")).append('\n');
        }
        return new Yaml().load(yaml.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    private static Map<String, String> literalEnv(Map<String, Object> deployment) {
        Map<String, String> env = new HashMap<>();
        List<Map<String, Object>> entries = at(deployment, "spec", "template", "spec", "containers", "0", "env");
        for (Map<String, Object> e : entries) {
            env.put((String) e.get("name"), String.valueOf(e.get("value")));
        }
        return env;
    }

    @Test
    void theChartDeclaresTwoRolesWithProbesOnExternalPostgresAndS3() throws IOException {
        Map<String, Object> chart = new Yaml().load(Files.readString(CHART.resolve("Chart.yaml")));
        assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "verbatim").containsKeys("version", "appVersion");
        Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        assertThat((String) at(values, "postgresql", "url")).startsWith("jdbc:postgresql://");
        assertThat((String) at(values, "s3", "bucket")).isNotBlank();
        assertThat((String) at(values, "probes", "liveness", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(values, "probes", "readiness", "path")).isEqualTo("/actuator/health/readiness");

        Map<String, Object> api = template("deployment-api.yaml");
        Map<String, Object> worker = template("deployment-worker.yaml");
        for (Map<String, Object> d : List.of(api, worker)) {
            assertThat(d).containsEntry("kind", "Deployment");
            assertThat((Map<String, Object>) at(d, "metadata", "labels")).containsKey("app.kubernetes.io/component");
            assertThat((List<Object>) at(d, "spec", "template", "spec", "containers", "0", "ports")).isNotEmpty();
        }
        assertThat(literalEnv(api)).containsEntry("VERBATIM_PIPELINE_ENABLED", "false");
        assertThat(literalEnv(worker)).containsEntry("VERBATIM_PIPELINE_ENABLED", "true");
        String helpers = Files.readString(CHART.resolve("templates/_helpers.tpl"));
        for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by",
                "helm.sh/chart", "app.kubernetes.io/version", "app.kubernetes.io/part-of")) {
            assertThat(helpers).as(label).contains(label + ":");
        }
        assertThat(helpers).contains("livenessProbe:", "readinessProbe:", "startupProbe:");
        for (String name : List.of("deployment-api.yaml", "deployment-worker.yaml")) {
            assertThat(Files.readString(CHART.resolve("templates").resolve(name)))
                    .contains("include \"verbatim.probes\"", "include \"verbatim.env\"", "include \"verbatim.labels\"");
        }
        assertThat(template("service.yaml")).containsEntry("kind", "Service");
    }

    @Test
    void everyEnvironmentVariableTheChartSetsBindsToAVerbatimProperty() throws IOException {
        String all = Files.readString(CHART.resolve("templates/_helpers.tpl"))
                + Files.readString(CHART.resolve("templates/deployment-worker.yaml"));
        Matcher m = Pattern.compile("- name: ([A-Z0-9_]+)").matcher(all);
        Map<String, Object> env = new HashMap<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            env.put(m.group(1), "probe-" + m.group(1));
        }
        assertThat(names).contains("VERBATIM_DB_URL", "VERBATIM_DB_APP_PASSWORD", "VERBATIM_STORAGE_ENGINE", "VERBATIM_STORAGE_BUCKET",
                "VERBATIM_PIPELINE_ENABLED");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("chart", env));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
        Map<String, String> properties = Map.ofEntries(
                Map.entry("VERBATIM_DATA_DIR", "verbatim.data-dir"),
                Map.entry("VERBATIM_DB_URL", "verbatim.db.url"),
                Map.entry("VERBATIM_DB_USER", "verbatim.db.user"),
                Map.entry("VERBATIM_DB_PASSWORD", "verbatim.db.password"),
                Map.entry("VERBATIM_DB_APP_USER", "verbatim.db.app-user"),
                Map.entry("VERBATIM_DB_APP_PASSWORD", "verbatim.db.app-password"),
                Map.entry("VERBATIM_STORAGE_ENGINE", "verbatim.storage.engine"),
                Map.entry("VERBATIM_STORAGE_BUCKET", "verbatim.storage.bucket"),
                Map.entry("VERBATIM_STORAGE_S3_REGION", "verbatim.storage.s3.region"),
                Map.entry("VERBATIM_STORAGE_S3_ENDPOINT", "verbatim.storage.s3.endpoint"),
                Map.entry("VERBATIM_STORAGE_S3_PATH_STYLE", "verbatim.storage.s3.path-style"),
                Map.entry("VERBATIM_STORAGE_S3_ACCESS_KEY", "verbatim.storage.s3.access-key"),
                Map.entry("VERBATIM_STORAGE_S3_SECRET_KEY", "verbatim.storage.s3.secret-key"),
                Map.entry("VERBATIM_CREDENTIALS_MASTER_KEY", "verbatim.credentials.master-key"),
                Map.entry("VERBATIM_PIPELINE_ENABLED", "verbatim.pipeline.enabled"),
                Map.entry("VERBATIM_PIPELINE_WORKERS", "verbatim.pipeline.workers"),
                Map.entry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "management.endpoint.health.probes.enabled"));
        for (String name : names) {
            assertThat(properties).as("unknown variable " + name).containsKey(name);
            assertThat(binder.bind(properties.get(name), String.class).orElse(null)).as(name).isEqualTo("probe-" + name);
        }
    }

    @Test
    void theProbePathsAnswerOnARunningNode() {
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            var r = api.get(path, null);
            assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(200);
            assertThat(r.body().get("status").asString()).as(path).isEqualTo("UP");
        }
    }
}
