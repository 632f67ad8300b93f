package dev.answerline.server;

/**
 * Threads of their own for a group of dynamic routes (the newsletter, search, the preview), so that no
 * route can starve the pages or another route: pages are answered on Jetty's threads and never wait for
 * a route, and a burst of slow searches fills the search lane only.
 *
 * @param name shows in thread names and in log lines
 * @param threads the most requests of the lane answered at once
 * @param queue the most requests waiting for one of its threads; more are answered 503 at once
 */
public record Lane(String name, int threads, int queue) {
    /** The lane of routes registered without one. */
    public static final Lane DEFAULT = new Lane("routes", 8, 64);

    public Lane {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a lane's name is a lower-case word, not " + name);
        }
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("lane " + name + " needs at least one thread and a queue of 0 or"
                    + " more, not " + threads + " and " + queue);
        }
    }

    /** A lane of {@code threads} threads with room for {@code queue} waiting requests. */
    public static Lane of(String name, int threads, int queue) {
        return new Lane(name, threads, queue);
    }
}
