package dev.kafkapipeline.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void aSecretPrintsAsHiddenAlsoInsideARecord() {
        record Login(String user, Secret password) {}
        Login login = new Login("u", new Secret("hunter2"));
        assertEquals("[hidden]", login.password().toString());
        assertEquals("Login[user=u, password=[hidden]]", login.toString());
        assertEquals("hunter2", login.password().reveal());
    }

    @Test
    void thePasswordIsTakenExactlyAsGivenAndBlankMeansUnset() {
        EnvConfig env = new EnvConfig(Map.of("PW", " with spaces ", "BLANK", "  "));
        assertEquals(" with spaces ", env.secret("PW").orElseThrow().reveal());
        assertEquals(Optional.empty(), env.secret("BLANK"));
        assertEquals(Optional.empty(), env.secret("UNSET"));
    }

    @Test
    void secretsCompareByValue() {
        assertEquals(new Secret("a"), new Secret("a"));
        assertNotEquals(new Secret("a"), new Secret("b"));
        assertTrue(new Secret("a").hashCode() == new Secret("b").hashCode(), "the hash says nothing about the value");
    }
}
