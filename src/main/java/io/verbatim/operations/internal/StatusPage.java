package io.verbatim.operations.internal;

import io.verbatim.identity.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Settings → Status, for platform admins: the service map (every health component with its state and
 * details), the recent backups and restore verifications, and buttons to run either now.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class StatusPage {

    private final HealthEndpoint health;
    private final Backups backups;
    private final BackupVerifier verifier;

    StatusPage(HealthEndpoint health, Backups backups, BackupVerifier verifier) {
        this.health = health;
        this.backups = backups;
        this.verifier = verifier;
    }

    /** One row of the service map; {@code name} is the health component's path ({@code db/ownerDataSource}). */
    record ServiceState(String name, String status, Map<String, String> details) {

        /** A CSS class for the state badge. */
        public String tone() {
            return switch (status) {
                case "UP" -> "completed";
                case "DOWN", "OUT_OF_SERVICE" -> "failed";
                case "DEGRADED" -> "review";
                default -> "neutral";
            };
        }
    }

    @GetMapping("/settings/status")
    String page(Model model) {
        HealthDescriptor overall = health.health();
        List<ServiceState> services = new ArrayList<>();
        if (overall instanceof CompositeHealthDescriptor composite) {
            composite.getComponents().forEach((name, component) -> flatten(name, component, services));
        }
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("overall", overall.getStatus().getCode());
        model.addAttribute("services", services);
        model.addAttribute("backups", backups.list(null, 10));
        model.addAttribute("verifications", verifier.list(null, 10));
        model.addAttribute("location", backups.files().location().toString());
        return "settings/status";
    }

    private static void flatten(String name, HealthDescriptor descriptor, List<ServiceState> out) {
        if (descriptor instanceof CompositeHealthDescriptor composite && composite.getComponents() != null) {
            out.add(new ServiceState(name, composite.getStatus().getCode(), Map.of()));
            composite.getComponents().forEach((child, d) -> flatten(name + "/" + child, d, out));
        } else if (descriptor instanceof IndicatedHealthDescriptor indicated) {
            Map<String, String> details = new TreeMap<>();
            if (indicated.getDetails() != null) {
                indicated.getDetails().forEach((k, v) -> details.put(k, text(v)));
            }
            out.add(new ServiceState(name, indicated.getStatus().getCode(), details));
        } else {
            out.add(new ServiceState(name, descriptor.getStatus().getCode(), Map.of()));
        }
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).collect(Collectors.joining(", "));
        }
        if (value instanceof Iterable<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(text(v)));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
        return String.valueOf(value);
    }
}
