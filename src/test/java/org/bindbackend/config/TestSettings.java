package org.bindbackend.config;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Valid settings for unit tests, read the way the backend reads them ({@link SettingsReader}), so that a test
 * names only the settings it is about and a new setting needs no change to tests.
 */
public final class TestSettings {

    public static final String ISSUER = "https://login.example.com/realms/main";
    public static final String CLIENT = "bind";
    public static final String EXTERNAL_URL = "https://bind.example.com";

    private TestSettings() {
    }

    /**
     * {@code settings} with other session settings: for what no configuration can say, such as a past expiry. The
     * record is copied component by component, not by its positional constructor, so that a new setting needs no
     * change here.
     */
    public static Settings withSessions(Settings settings, SessionSettings sessions) {
        RecordComponent[] components = Settings.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i] == SessionSettings.class ? sessions : components[i].getAccessor().invoke(settings);
            }
            return Settings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot copy " + settings, e);
        }
    }

    /** External-mode settings against {@link #ISSUER}, with these key-value pairs on top. */
    public static Settings external(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("oidc.issuer-url", ISSUER, "oidc.issuer-client-id", CLIENT,
                "oidc.issuer-client-secret", "secret", "external-url", EXTERNAL_URL));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        SettingsResult result = SettingsReader.read(key -> Optional.ofNullable(values.get(key)));
        return result.settings().orElseThrow(() -> new AssertionError("invalid test settings: " + result.problems()));
    }
}
