/**
 * The backend's settings: each declared once in {@link org.bindbackend.config.Setting}, all read into one typed
 * {@link org.bindbackend.config.Settings} record from MicroProfile Config (system properties, environment variables,
 * server configuration, the launcher's flags) and validated at start by
 * {@link org.bindbackend.config.SettingsReader}, which reports every problem as one log line naming the key, what is
 * wrong and what is expected. Requests read them from memory ({@link org.bindbackend.config.BackendSettings});
 * {@link org.bindbackend.config.SettingsReload} reads the source again in the background and puts the settings that
 * may change while running into use, each change published as a {@link org.bindbackend.config.SettingChange} event.
 */
package org.bindbackend.config;
