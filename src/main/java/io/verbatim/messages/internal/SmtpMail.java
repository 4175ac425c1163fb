package io.verbatim.messages.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.messages.MessagesProperties;
import io.verbatim.webhooks.TargetGuard;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the tenant's SMTP server (credential {@code smtp}: {@code host}, {@code port} (587), {@code username},
 * {@code password}, {@code from}, {@code starttls} (true)). Accepted by the server = sent; the Message-ID is the
 * provider id. The host passes the same SSRF rule as every other tenant-given target.
 */
@Component
class SmtpMail {

    private final MessagesProperties properties;
    private final TargetGuard guard;

    SmtpMail(MessagesProperties properties, TargetGuard guard) {
        this.properties = properties;
        this.guard = guard;
    }

    Delivery send(CredentialFields credential, String to, String subject, String body) {
        String host = credential.require("host");
        String refused = refusedHost(host);
        if (refused != null) {
            return Delivery.refused(refused);
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(Integer.parseInt(credential.getOrDefault("port", "587")));
        credential.get("username").ifPresent(sender::setUsername);
        credential.get("password").ifPresent(sender::setPassword);
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties props = sender.getJavaMailProperties();
        String millis = String.valueOf(properties.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.auth", String.valueOf(credential.get("username").isPresent()));
        boolean starttls = !"false".equalsIgnoreCase(credential.getOrDefault("starttls", "true"));
        props.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        props.put("mail.smtp.starttls.required", String.valueOf(starttls));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(credential.require("from"));
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            message.saveChanges();
            String id = message.getMessageID();
            sender.send(message);
            return Delivery.accepted(id, "sent");
        } catch (MessagingException | MailException | NumberFormatException e) {
            // The server's own words (rejected recipient, auth failure); the credential is never part of them. An SMTP
            // 5xx is permanent; a 4xx, a connection that failed or timed out may pass later.
            String error = "SMTP: " + rootMessage(e);
            return PERMANENT.matcher(rootMessage(e)).lookingAt() || e instanceof NumberFormatException
                    ? Delivery.refused(error) : Delivery.transientlyRefused(error);
        }
    }

    private static final java.util.regex.Pattern PERMANENT = java.util.regex.Pattern.compile("\\s*5\\d\\d\\b");

    private String refusedHost(String host) {
        if (guard.allowsPrivate()) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (TargetGuard.isInternal(address)) {
                    return "The SMTP host '" + host + "' resolves to a private, loopback or link-local address";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "The SMTP host '" + host + "' does not resolve";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 500 ? m.substring(0, 500) : m;
    }
}
