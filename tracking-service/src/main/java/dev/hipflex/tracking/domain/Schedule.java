package dev.hipflex.tracking.domain;

/**
 * How often the plan's protocol is meant to be done, as the catalog's protocol states it (never constants in code):
 * one session per local calendar day for the first {@code dailyForWeeks} weeks, then at least
 * {@code minSessionsPerWeek} (target up to {@code maxSessionsPerWeek}) a week until {@code totalWeeks}.
 */
public record Schedule(int dailyForWeeks, int minSessionsPerWeek, int maxSessionsPerWeek, int totalWeeks) {
}
