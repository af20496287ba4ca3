package org.bindbackend.session;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.bindbackend.shared.JsonBuilders;

/**
 * Groups packed small enough for a cookie: a user in hundreds of groups must not push the session cookie past
 * the 4096 bytes browsers keep (RFC 6265 §6.1). The names are written as a JSON array (RFC 8259), so that no
 * name can be read back as two, deflated (RFC 1951) and base64url-encoded.
 */
final class CompactGroups {

    /** Inflating a hostile claim stops here: far above any real membership list. */
    static final int MAX_INFLATED_BYTES = 1 << 20;


    private CompactGroups() {
    }

    static String pack(List<String> groups) {
        byte[] input = JsonBuilders.array(groups).build().toString().getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(input);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 16);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    static List<String> unpack(String packed) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getUrlDecoder().decode(packed));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, count);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new IllegalArgumentException("packed groups inflate beyond " + MAX_INFLATED_BYTES + " bytes");
                }
            }
            try (JsonReader reader = JsonBuilders.reader(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
                return reader.readArray().getValuesAs(JsonString::getString);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("packed groups are not deflate data", e);
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("packed groups are not a JSON array of strings", e);
        } finally {
            inflater.end();
        }
    }
}
