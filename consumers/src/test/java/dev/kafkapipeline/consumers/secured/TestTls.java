package dev.kafkapipeline.consumers.secured;

import dev.kafkapipeline.common.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A key pair for 127.0.0.1 (the servers' certificate; its subject alternative
 * names are IP 127.0.0.1, which Kafka's clients check, and localhost, which the
 * Cassandra driver checks after its default reverse lookup of the address, so
 * hostname validation stays on) and a trust store that trusts it,
 * made by the JDK's keytool in a test's folder at test time: no key or
 * password is ever committed. The passwords reach keytool through its
 * environment, not its command line.
 */
public record TestTls(Path keyStore, Secret keyStorePassword, Path trustStore, Secret trustStorePassword) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A password of hex digits: safe in any file format the servers read it from. */
    public static Secret randomPassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new Secret(HexFormat.of().formatHex(bytes));
    }

    public static TestTls create(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path keyStore = folder.resolve("node-keystore.p12");
        Path certificate = folder.resolve("node.crt");
        Path trustStore = folder.resolve("truststore.p12");
        Secret keyStorePassword = randomPassword();
        Secret trustStorePassword = randomPassword();
        Map<String, String> passwords = Map.of("KEY_STORE_PASS", keyStorePassword.reveal(), "TRUST_STORE_PASS", trustStorePassword.reveal());
        keytool(folder, passwords, "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass:env", "KEY_STORE_PASS");
        keytool(folder, passwords, "-exportcert", "-rfc", "-alias", "node", "-keystore", keyStore.toString(),
                "-storepass:env", "KEY_STORE_PASS", "-file", certificate.toString());
        keytool(folder, passwords, "-importcert", "-noprompt", "-alias", "node", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass:env", "TRUST_STORE_PASS");
        return new TestTls(keyStore, keyStorePassword, trustStore, trustStorePassword);
    }

    private static void keytool(Path folder, Map<String, String> passwords, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(passwords);
        Process keytool = builder.start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS)) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool " + args[0] + " did not finish within 60 s");
        }
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed (exit " + keytool.exitValue() + "): " + output);
        }
    }
}
