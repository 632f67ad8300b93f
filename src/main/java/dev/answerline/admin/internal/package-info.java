/**
 * The dashboard's login, sessions, charts and pages. Not part of Answerline's API; callers use
 * {@link dev.answerline.admin.Dashboard}.
 */
package dev.answerline.admin.internal;
