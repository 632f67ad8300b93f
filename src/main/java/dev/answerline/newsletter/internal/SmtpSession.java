package dev.answerline.newsletter.internal;

import dev.answerline.newsletter.MailSettings;
import dev.answerline.newsletter.NewsletterException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * One SMTP connection kept open for many messages: connecting (and TLS, and login) for each of thousands
 * of messages would cost more than sending them. Tells the server's answers apart by their return codes:
 * a 4xx is worth another try later, a 5xx is not. Not thread-safe: one sender loop owns it.
 */
public final class SmtpSession implements AutoCloseable {
    private final MailSettings settings;
    private final Transport transport;
    /** Our own view: Transport.isConnected() sends a NOOP, a round trip per message. */
    private boolean open;

    /** What became of one message. */
    public enum Outcome {
        SENT,
        /** 4xx, or the connection broke: try again later. */
        DEFERRED,
        /** 5xx for the recipient's address: it does not exist or takes no mail. */
        BOUNCED,
        /** 5xx for the message itself (e.g. refused as spam after DATA): not the address's fault. */
        REFUSED
    }

    /** The outcome, the server's return code (0 when it gave none) and its words for the record. */
    public record Result(Outcome outcome, int code, String error) {}

    public SmtpSession(MailSettings settings) {
        this.settings = settings;
        try {
            this.transport = SmtpMailer.session(settings).getTransport("smtp");
        } catch (MessagingException e) {
            throw NewsletterException.bug("Jakarta Mail has no SMTP transport", e);
        }
    }

    /** Sends {@code message} to {@code to} alone, connecting first if the connection is not (or no longer) open. */
    public Result send(MimeMessage message, Address to) {
        connect();
        try {
            transport.sendMessage(message, new Address[] {to});
            return new Result(Outcome.SENT, 250, null);
        } catch (MessagingException e) {
            Result result = classify(e);
            if (result.code() == 0) {
                // no answer at all: the connection is gone; the next message connects again
                close();
            }
            return result;
        }
    }

    /** The outcome of a refusal, from the SMTP return code Jakarta Mail found in it. */
    static Result classify(MessagingException e) {
        for (Exception cause = e; cause != null;
                cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPSenderFailedException sender) {
                // MAIL FROM refused: every message would be, so the whole run stops
                throw new NewsletterException("the SMTP server refused the sender address: " + sender.getMessage().strip(),
                        "set ANSWERLINE_SMTP_FROM or newsletter.from in site.yaml to an address the SMTP account may"
                                + " send as");
            }
            if (cause instanceof SMTPAddressFailedException address) {
                String error = address.getReturnCode() + " " + address.getMessage().strip();
                return new Result(address.getReturnCode() >= 500 ? Outcome.BOUNCED : Outcome.DEFERRED,
                        address.getReturnCode(), error);
            }
            if (cause instanceof SMTPSendFailedException send) {
                String error = send.getReturnCode() + " " + send.getMessage().strip();
                return new Result(send.getReturnCode() >= 500 ? Outcome.REFUSED : Outcome.DEFERRED, send.getReturnCode(),
                        error);
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        // no SMTP answer at all: the connection broke
        return new Result(Outcome.DEFERRED, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private void connect() {
        if (open) {
            return;
        }
        try {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            open = true;
        } catch (AuthenticationFailedException e) {
            throw new NewsletterException("the SMTP server " + settings + " refused the login: " + e.getMessage(),
                    "check ANSWERLINE_SMTP_USER and ANSWERLINE_SMTP_PASSWORD", e);
        } catch (MessagingException e) {
            throw new NewsletterException("cannot connect to the SMTP server " + settings + ": " + e.getMessage(),
                    "check ANSWERLINE_SMTP_HOST, _PORT and _SECURITY, and that the server is up; run the command"
                            + " again to go on where it stopped", e);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            transport.close();
        } catch (MessagingException e) {
            // QUIT failed on a connection that is going away anyway
        }
    }
}
