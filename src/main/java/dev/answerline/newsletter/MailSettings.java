package dev.answerline.newsletter;

import java.util.Locale;
import java.util.Map;

/**
 * How to reach the SMTP server. Read from the environment so that passwords stay out of files and
 * command lines: {@code ANSWERLINE_SMTP_HOST}, {@code _PORT}, {@code _SECURITY} ({@code starttls},
 * {@code tls} or {@code none}), {@code _USER}, {@code _PASSWORD}, {@code _FROM}. The password is never
 * printed, not even by {@link #toString()}.
 *
 * @param from the sender address, or null to use the newsletter's {@code from} in site.yaml
 */
public record MailSettings(String host, int port, Security security, String user, String password, String from) {

    /** How the connection to the SMTP server is protected. */
    public enum Security { NONE, STARTTLS, TLS }

    /** The settings in these environment variables, or null when no SMTP host is set. */
    public static MailSettings fromEnvironment(Map<String, String> env) {
        String host = env.get("ANSWERLINE_SMTP_HOST");
        if (host == null || host.isBlank()) {
            return null;
        }
        String securityName = env.getOrDefault("ANSWERLINE_SMTP_SECURITY", "starttls").toUpperCase(Locale.ROOT);
        Security security;
        try {
            security = Security.valueOf(securityName);
        } catch (IllegalArgumentException e) {
            throw new NewsletterException("ANSWERLINE_SMTP_SECURITY=" + securityName.toLowerCase(Locale.ROOT)
                    + " is not a choice", "use starttls, tls or none");
        }
        String portText = env.getOrDefault("ANSWERLINE_SMTP_PORT", security == Security.TLS ? "465" : "587");
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new NewsletterException("ANSWERLINE_SMTP_PORT=" + portText + " is not a port number", "use e.g. 587");
        }
        return new MailSettings(host, port, security, env.get("ANSWERLINE_SMTP_USER"),
                env.get("ANSWERLINE_SMTP_PASSWORD"), env.get("ANSWERLINE_SMTP_FROM"));
    }

    @Override
    public String toString() {
        return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT)
                + (password == null ? "" : ", password set") + ")";
    }
}
