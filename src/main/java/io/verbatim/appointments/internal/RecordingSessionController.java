package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.contacts.ContactCard;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/recording-sessions}: a rep records a visit on one of their appointments. Start, append chunks at their
 * offset ({@code PUT .../audio} with {@code Upload-Offset}), stop: the recording becomes a conversation (channel
 * field_visit) of the rep and the appointment's contact, analysed by the pipeline like any upload.
 */
@RestController
@RequestMapping("/api/v1/recording-sessions")
class RecordingSessionController {

    private final RecordingSessions sessions;
    private final AppointmentStore appointments;
    private final ContactLinks contacts;
    private final Users users;
    private final ConversationIntake intake;

    RecordingSessionController(RecordingSessions sessions, AppointmentStore appointments, ContactLinks contacts, Users users,
                               ConversationIntake intake) {
        this.sessions = sessions;
        this.appointments = appointments;
        this.contacts = contacts;
        this.users = users;
        this.intake = intake;
    }

    record StartRequest(UUID appointmentId) {
    }

    @PostMapping
    ResponseEntity<RecordingSessions.Session> start(@RequestBody StartRequest body) {
        if (body == null || body.appointmentId() == null) {
            throw ProblemException.badRequest("invalid-recording-session", "appointment_id is required");
        }
        Appointment a = visibleAppointment(body.appointmentId());
        AppointmentScope.current().requireUpdater(a);
        return ResponseEntity.status(HttpStatus.CREATED).body(sessions.start(a));
    }

    @GetMapping
    List<RecordingSessions.Session> byAppointment(@RequestParam(name = "appointment_id") UUID appointmentId) {
        return sessions.ofAppointment(visibleAppointment(appointmentId).id());
    }

    @GetMapping("/{id}")
    RecordingSessions.Session get(@PathVariable UUID id) {
        return visible(id);
    }

    /** One chunk, raw bytes, starting at {@code Upload-Offset}; answers the session with its new {@code bytes_received}. */
    @PutMapping("/{id}/audio")
    RecordingSessions.Session append(@PathVariable UUID id, @RequestHeader("Upload-Offset") long offset,
                                     @RequestHeader(name = "Content-Type", required = false) String contentType,
                                     HttpServletRequest request) throws IOException {
        writable(id);
        if (request.getContentLengthLong() > RecordingSessions.MAX_CHUNK_BYTES) {
            throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "chunk-too-large", "Chunk too large",
                    "A chunk may carry at most " + RecordingSessions.MAX_CHUNK_BYTES + " bytes");
        }
        String type = contentType == null || contentType.startsWith("application/octet-stream") ? null
                : contentType.split(";")[0].strip();
        return sessions.append(id, offset, type, request.getInputStream());
    }

    /** Ends the recording and hands it to the intake; stopping a stopped session answers it as it is. */
    @PostMapping("/{id}/stop")
    RecordingSessions.Session stop(@PathVariable UUID id) {
        RecordingSessions.Session s = writable(id);
        if ("stopped".equals(s.status())) {
            return s;
        }
        if (s.bytesReceived() == 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "empty-recording", "Nothing recorded",
                    "Recording session " + id + " has received no audio");
        }
        Appointment a = appointments.find(s.appointmentId()).orElseThrow(() -> ProblemException.notFound("Appointment"));
        ContactCard card = a.contactCardId() == null ? null : contacts.card(a.contactCardId()).orElse(null);
        String rep = users.find(a.salesRepId()).map(User::email).orElse(null);
        IngestMetadata metadata = new IngestMetadata("recording-session:" + id, "recording_session", "in_person", "field_visit",
                s.startedAt(), rep, card == null ? null : new IngestMetadata.Customer(card.fullName(), card.primaryPhone(), card.email()),
                null, null, List.of("field_visit"),
                Map.of("appointment_id", a.id().toString(), "recording_session_id", id.toString()), null, false);
        String type = s.contentType() == null ? "audio/webm" : s.contentType();
        var accepted = intake.accept(new IntakeInput.Media(sessions.file(id), "visit-" + id + extension(type), type), metadata,
                "recording-session-" + id);
        sessions.markStopped(id, accepted.conversation().id());
        try {
            Files.deleteIfExists(sessions.file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sessions.find(id).orElseThrow();
    }

    private RecordingSessions.Session visible(UUID id) {
        RecordingSessions.Session s = sessions.find(id).orElseThrow(() -> ProblemException.notFound("Recording session " + id));
        visibleAppointment(s.appointmentId());
        return s;
    }

    /** The session's rep, managers and admins upload and stop; others who see it get 403, the rest 404. */
    private RecordingSessions.Session writable(UUID id) {
        RecordingSessions.Session s = visible(id);
        AppointmentScope.current().requireUpdater(appointments.find(s.appointmentId()).orElseThrow());
        return s;
    }

    private Appointment visibleAppointment(UUID id) {
        AppointmentScope scope = AppointmentScope.current();
        return appointments.find(id).filter(scope::sees).orElseThrow(() -> ProblemException.notFound("Appointment " + id));
    }

    private static String extension(String type) {
        return switch (type) {
            case "audio/wav", "audio/x-wav", "audio/wave" -> ".wav";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/mp4", "audio/m4a", "audio/x-m4a" -> ".m4a";
            default -> ".webm";
        };
    }
}
