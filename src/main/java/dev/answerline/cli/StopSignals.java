package dev.answerline.cli;

import java.util.List;

/**
 * SIGTERM (a service manager's stop) and SIGINT (Ctrl+C) handed to a command, so that it ends like a finished
 * one, with its work recorded and exit status 0, instead of the JVM's default of halting with 143.
 */
final class StopSignals {
    private StopSignals() {}

    /**
     * Runs {@code stop} on the signal's own thread at SIGTERM or SIGINT; it must not block for long. On a
     * platform without one of these signals nothing is registered for it, and the JVM's shutdown hooks stay
     * the only way out.
     */
    static void onStop(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException unknownHere) {
                // see above
            }
        }
    }
}
