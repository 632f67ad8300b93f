/**
 * The rules behind {@link dev.answerline.check.Checker}: text measures, Markdown scanning with lines, and
 * the rules themselves. Not part of Answerline's API.
 */
package dev.answerline.check.internal;
