package dev.answerline.insights;

import dev.answerline.insights.internal.AgentList;

/**
 * Who asked for a page, as far as its User-Agent tells: a person's browser, an AI crawler or assistant, or
 * another program. Made from Answerline's own list of agents ({@code agents.txt}, see docs/insights.md) and,
 * for programs it does not name, the words programs put in their User-Agent ("bot", "crawler", "spider").
 *
 * @param name for an AI agent, the name the dashboard shows (e.g. {@code OpenAI GPTBot}); null otherwise
 */
public record Agent(Kind kind, String name) {
    /** What kind of reader a User-Agent is. */
    public enum Kind { PERSON, AI, BOT }

    /** The agent a User-Agent header names; null and empty are programs: every browser sends one. */
    public static Agent of(String userAgent) {
        return AgentList.BUILT_IN.classify(userAgent);
    }
}
