package dev.answerline.newsletter;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised email address: trimmed, domain lower-cased (and an international domain in its ASCII
 * form); the part before the {@code @} is kept as written, as mail servers may tell case apart there.
 *
 * <p>Accepts what the OWASP validation rule accepts: one {@code @}, a local part of the usual characters
 * without leading, trailing or double dots, at most 64 characters, a domain of letters, digits and hyphens
 * with at least one dot, at most 254 characters in all. Line breaks anywhere are refused, so an address can
 * never add a mail header.
 */
public record EmailAddress(String value) {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    /** The result of checking input: an address, or why there is none. */
    public record Check(EmailAddress address, String problem) {
        public boolean ok() {
            return address != null;
        }
    }

    /** Checks and normalises what a reader typed. */
    public static Check check(String input) {
        if (input == null || input.isBlank()) {
            return failed("it is empty");
        }
        if (input.indexOf('\r') >= 0 || input.indexOf('\n') >= 0) {
            return failed("it contains a line break");
        }
        String trimmed = input.strip();
        int at = trimmed.indexOf('@');
        if (at < 0 || at != trimmed.lastIndexOf('@')) {
            return failed("it needs exactly one @");
        }
        String local = trimmed.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return failed("the domain is not valid");
        }
        if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return failed("the part before the @ is not valid");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return failed("the domain is not valid");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return failed("the domain is not valid");
            }
        }
        if (!TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return failed("the domain is not valid");
        }
        String address = local + "@" + domain;
        if (address.length() > 254) {
            return failed("it is longer than 254 characters");
        }
        return new Check(new EmailAddress(address), null);
    }

    private static Check failed(String problem) {
        return new Check(null, problem);
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    /** The address with most of the part before the {@code @} hidden, for logs: {@code j***@example.com}. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** Whether the domain is {@code blocked} or one of its subdomains. */
    public boolean isIn(String blocked) {
        String domain = domain();
        String b = blocked.toLowerCase(Locale.ROOT);
        return domain.equals(b) || domain.endsWith("." + b);
    }

    @Override
    public String toString() {
        return value;
    }
}
