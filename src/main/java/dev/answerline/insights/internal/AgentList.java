package dev.answerline.insights.internal;

import dev.answerline.insights.Agent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The list of agents of {@code agents.txt}, and the words that give away the programs it does not name.
 * Every page request asks it, so answers are remembered by User-Agent: a site sees a few thousand distinct
 * ones a day, and the memory is dropped whole when it passes {@link #REMEMBERED}.
 */
public final class AgentList {
    /** The list bundled with Answerline. */
    public static final AgentList BUILT_IN = read("/dev/answerline/insights/agents.txt");
    private static final int REMEMBERED = 20_000;
    /** Longer than any browser's: a made-up header, or a program's. */
    private static final int LONGEST = 512;
    /**
     * What programs the list does not name put in their User-Agent. {@code bot} must stand alone or before a
     * separator: a phone maker is called Cubot.
     */
    private static final Pattern PROGRAM = Pattern.compile(
            "(?<!cu)bot\\b|bot[/_;-]|crawl|spider|slurp|scrap|headless|fetcher|http[ _-]?client|monitor|checker"
                    + "|validator|^mozilla/\\d\\.\\d$|^[^/ ]+$");

    private record Entry(String text, Agent agent) {}

    private final List<Entry> entries;
    private final Map<String, Agent> remembered = new ConcurrentHashMap<>();

    AgentList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads a list: lines of kind, text and (for {@code ai}) name, separated by two spaces or more. */
    static AgentList read(String resource) {
        try (InputStream in = AgentList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AgentList parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s{2,}");
            Agent.Kind kind = switch (parts[0]) {
                case "ai" -> Agent.Kind.AI;
                case "bot" -> Agent.Kind.BOT;
                default -> throw new IllegalStateException("agents.txt:" + (i + 1) + ": unknown kind " + parts[0]);
            };
            if (kind == Agent.Kind.AI && parts.length != 3 || kind == Agent.Kind.BOT && parts.length != 2) {
                throw new IllegalStateException("agents.txt:" + (i + 1) + ": expected kind, text"
                        + (kind == Agent.Kind.AI ? " and name" : "") + ", two spaces apart");
            }
            entries.add(new Entry(parts[1].toLowerCase(Locale.ROOT),
                    new Agent(kind, kind == Agent.Kind.AI ? parts[2] : null)));
        }
        return new AgentList(entries);
    }

    /** The agent of a User-Agent header. */
    public Agent classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || userAgent.length() > LONGEST) {
            return new Agent(Agent.Kind.BOT, null);
        }
        Agent known = remembered.get(userAgent);
        if (known != null) {
            return known;
        }
        Agent agent = match(userAgent.strip().toLowerCase(Locale.ROOT));
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        remembered.put(userAgent, agent);
        return agent;
    }

    private Agent match(String lower) {
        for (Entry entry : entries) {
            if (lower.contains(entry.text())) {
                return entry.agent();
            }
        }
        return PROGRAM.matcher(lower).find() ? new Agent(Agent.Kind.BOT, null) : new Agent(Agent.Kind.PERSON, null);
    }
}
