/**
 * {@code serve}'s metrics for Prometheus ({@link dev.answerline.metrics.Metrics}): the one place that knows
 * Micrometer. Other packages are counted through their own seams ({@code Requests}, {@code PageViews},
 * {@code SearchLog}, {@code SignupLog}, {@code Insights}, {@code Backlog}).
 */
package dev.answerline.metrics;
