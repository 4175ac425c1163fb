package io.verbatim.web.internal;

import io.verbatim.contacts.ContactCards;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.InputKind;
import io.verbatim.conversations.PiiAccess;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Call Detail: the page shell for one conversation the caller may see. The player, transcript and
 * analysis are read in the browser from the same role-scoped APIs ({@code /api/v1/conversations/{id}/...});
 * a conversation the caller may not see, or of another tenant, is a 404 page that names nothing.
 */
@Controller
class CallDetailPage {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private final Conversations conversations;
    private final PiiAccess piiAccess;
    private final ContactCards contacts;

    CallDetailPage(Conversations conversations, PiiAccess piiAccess, ContactCards contacts) {
        this.conversations = conversations;
        this.piiAccess = piiAccess;
        this.contacts = contacts;
    }

    @GetMapping("/calls/{id}")
    String page(@PathVariable String id, Model model, HttpServletResponse response) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("user", user);
        Optional<Conversation> found = visible(id);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "call-not-found";
        }
        Conversation conversation = found.get();
        boolean media = conversation.input().kind() == InputKind.MEDIA;
        String contentType = conversation.input().contentType();
        // Roles that may not hear personal data get the redacted copy, which is always audio.
        boolean video = media && piiAccess.callerSeesPii() && contentType != null && contentType.startsWith("video/");
        boolean manages = user.role().administers() || user.role() == Role.MANAGER;
        model.addAttribute("call", conversation);
        model.addAttribute("media", media);
        model.addAttribute("video", video);
        model.addAttribute("manages", manages);
        model.addAttribute("started", conversation.startedAt() == null ? null
                : STARTED.format(conversation.startedAt().atZone(ZoneOffset.UTC)) + " UTC");
        model.addAttribute("seesPii", piiAccess.callerSeesPii());
        model.addAttribute("history", conversations.events(conversation.id()));
        model.addAttribute("contactCardId", contacts.cardOfConversation(conversation.id()).orElse(null));
        return "call-detail";
    }

    private Optional<Conversation> visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(conversations.getVisible(uuid));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
