package org.bindbackend.config;

/** Thrown where settings are needed but invalid; shown to users as "not configured" (503), never as a 500. */
public class NotConfiguredException extends IllegalStateException {

    public NotConfiguredException() {
        super("The backend's settings are invalid; the log names each one to fix.");
    }
}
