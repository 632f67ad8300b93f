/** The Jetty handlers behind {@link dev.answerline.server.Server}. Not part of Answerline's API. */
package dev.answerline.server.internal;
