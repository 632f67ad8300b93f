package dev.answerline.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET ...?p=/answers/slug}: an answer's funnel over the last {@value #DAYS} days as JSON, for the bar
 * the preview shows above each answer. Other pages have none (404).
 */
final class Funnels extends Handler.Abstract {
    static final int DAYS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Insights insights;
    private final Clock clock;

    Funnels(Insights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String path = Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("p");
        if (path == null || path.length() > 512 || !isAnswer(path)) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        Figures f = insights.page(Period.lastDays(DAYS, LocalDate.now(clock)), path).totals();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", DAYS);
        body.put("views", f.views());
        body.put("visitors", f.visitors());
        body.put("ai_reads", f.aiReads());
        body.put("cta_clicks", f.ctaClicks());
        body.put("signups", f.signups());
        body.put("confirmed", f.confirmed());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
        return true;
    }

    private static boolean isAnswer(String path) {
        try {
            return path.startsWith("/") && Address.of(path).kind() == Kind.ANSWER;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
