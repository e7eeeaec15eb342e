package io.jenkins.plugins.valuestream.dora;

/**
 * How often a job deployed successfully: the successful deployments ÷ the days of the window.
 *
 * @param perDay successful deployments per day
 * @param perWeek successful deployments per week (7 × {@code perDay})
 * @param days the window's span in days: from the lead-time start of its first completed run (its queue entry, else
 *     its start) to the end of its last
 */
public record DeploymentFrequency(double perDay, double perWeek, double days) {
}
