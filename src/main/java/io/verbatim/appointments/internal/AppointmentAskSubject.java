package io.verbatim.appointments.internal;

import io.verbatim.ask.AskSubject;
import io.verbatim.tenancy.TenantContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ask about an appointment ({@code appointment_id}) the caller may see ({@link AppointmentScope}): the call that booked
 * it and the visit recordings made on it. Which of them a question reaches is still the caller's Ask scope.
 */
@Component
class AppointmentAskSubject implements AskSubject {

    private final AppointmentStore store;
    private final JdbcClient jdbc;

    AppointmentAskSubject(AppointmentStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public String field() {
        return "appointment_id";
    }

    @Override
    public Optional<Set<UUID>> conversations(UUID id) {
        AppointmentScope scope = AppointmentScope.current();
        return store.find(id).filter(scope::sees).map(a -> {
            Set<UUID> ids = new HashSet<>(jdbc.sql("""
                            SELECT conversation_id FROM recording_sessions
                            WHERE tenant_id = ? AND appointment_id = ? AND conversation_id IS NOT NULL""")
                    .params(TenantContext.require().value(), a.id()).query(UUID.class).list());
            if (a.sourceConversationId() != null) {
                ids.add(a.sourceConversationId());
            }
            return ids;
        });
    }
}
