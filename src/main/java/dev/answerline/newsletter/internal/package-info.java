/**
 * The newsletter's storage, mail and HTTP handling. Not part of Answerline's API; callers use
 * {@link dev.answerline.newsletter.Newsletter}.
 */
package dev.answerline.newsletter.internal;
