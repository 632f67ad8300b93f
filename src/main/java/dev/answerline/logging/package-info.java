/**
 * The log: one line per event, as text or JSON ({@link dev.answerline.logging.Logs}), behind SLF4J. The
 * project binds SLF4J to its own small provider rather than to a logging framework: it needs two line formats,
 * levels per logger and masked email addresses, and nothing else.
 */
package dev.answerline.logging;
