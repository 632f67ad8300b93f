package dev.answerline.server;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers of every response, and the handler that puts them there before anything can commit
 * the response. The static export writes the same list into its {@code _headers} file.
 */
public final class SecurityHeaders extends Handler.Wrapper {
    /** Same-origin everything; images may come from https (author photos); no inline script or style. */
    public static final String CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self'; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** The headers, also written into the static export's {@code _headers} file. */
    public static final List<HttpField> FIELDS = List.of(
            new PreEncodedHttpField("Content-Security-Policy", CSP),
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
            new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"),
            new PreEncodedHttpField("X-Frame-Options", "DENY"),
            new PreEncodedHttpField("Cross-Origin-Opener-Policy", "same-origin"),
            new PreEncodedHttpField("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));

    /**
     * The policy for pages that report to {@code eventsOrigin} (the serve a static export names in
     * {@code insights.endpoint}): its beacons, pings and image are let through; null gives {@link #CSP}.
     */
    public static String policy(String eventsOrigin) {
        if (eventsOrigin == null) {
            return CSP;
        }
        return CSP.replace("img-src 'self' data: https:;", "img-src 'self' data: https: " + eventsOrigin + ";")
                .replace("default-src 'self';", "default-src 'self'; connect-src 'self' " + eventsOrigin + ";");
    }

    /** {@link #FIELDS} with {@code policy} as the Content-Security-Policy. */
    public static List<HttpField> fields(String policy) {
        return FIELDS.stream().map(f -> f.getName().equals("Content-Security-Policy")
                ? new PreEncodedHttpField("Content-Security-Policy", policy) : f).toList();
    }

    public SecurityHeaders(Handler next) {
        super(next);
    }

    /** Adds the headers to a response that has none of them yet. */
    public static void apply(HttpFields.Mutable headers) {
        // add, not put: put looks through the fields for one to replace, and this runs on every response
        for (int i = 0; i < FIELDS.size(); i++) {
            headers.add(FIELDS.get(i));
        }
    }

    /** Sets the headers on a response that may have them already, such as one that failed half-way. */
    public static void replace(HttpFields.Mutable headers) {
        FIELDS.forEach(headers::put);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(response.getHeaders());
        return super.handle(request, response, callback);
    }
}
