/**
 * The SLF4J provider behind {@link dev.answerline.logging.Logs}. Internal: no other package may depend on it,
 * and it may change in any release.
 */
package dev.answerline.logging.internal;
