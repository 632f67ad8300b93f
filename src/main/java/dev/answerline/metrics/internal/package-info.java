/**
 * How {@link dev.answerline.metrics.Metrics} is reached: the guarded route on the main port and the
 * loopback-only metrics port. Internal: no other package may depend on it, and it may change in any release.
 */
package dev.answerline.metrics.internal;
