/**
 * The backend's settings: each declared once in {@link org.bindbackend.config.Setting}, all read into one typed
 * {@link org.bindbackend.config.Settings} record from MicroProfile Config (system properties, environment variables,
 * server configuration, the launcher's flags) and validated once at start by
 * {@link org.bindbackend.config.SettingsReader}, which reports every problem as one log line naming the key, what is
 * wrong and what is expected.
 */
package org.bindbackend.config;
