package org.bindbackend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LocationHeaderTest {

    @Test
    void everyNonAsciiCharacterIsItsUtf8PercentEncodedAndAsciiStays() {
        assertEquals("/caf%C3%A9?pad=%E2%82%AC%F0%9F%98%80&x=a%2Fb", LocationHeader.of("/café?pad=€\uD83D\uDE00&x=a%2Fb"));
        String ascii = "http://127.0.0.1:41234/callback?access_token=a.b.c&session_id=s~1";
        assertEquals(ascii, LocationHeader.of(ascii));
    }

    @Test
    void itIsWhatAUriMakesOfTheSameIri() throws Exception {
        String iri = "https://ui.example.com/bind/über?q=日本";
        assertEquals(new URI(iri).toASCIIString(), LocationHeader.of(iri));
    }
}
