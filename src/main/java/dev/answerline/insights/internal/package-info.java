/** How insights are counted and kept: the list of agents, the day's tally, visitor hashes, the tables. */
package dev.answerline.insights.internal;
