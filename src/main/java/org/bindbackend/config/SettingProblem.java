package org.bindbackend.config;

/**
 * One invalid or missing setting: which one, what was wrong and what is expected.
 *
 * @param setting  the setting at fault
 * @param problem  what is wrong with the given value (never the value of a secret)
 * @param expected what a valid value looks like
 */
public record SettingProblem(Setting setting, String problem, String expected) {

    /** The single log line an operator reads to fix it. */
    public String message() {
        return "Invalid setting " + setting.describe() + ": " + problem + "; expected " + expected + ".";
    }
}
