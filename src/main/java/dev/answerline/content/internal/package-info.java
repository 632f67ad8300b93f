/**
 * How content files are read: front matter splitting, YAML with line numbers, typed field access that
 * reports problems. Not part of Answerline's API; callers use {@link dev.answerline.content.Site}.
 */
package dev.answerline.content.internal;
