/** How a publication is put together: not for use outside {@code dev.answerline.publish}. */
package dev.answerline.publish.internal;
