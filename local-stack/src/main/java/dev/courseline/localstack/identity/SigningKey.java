package dev.courseline.localstack.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** The RSA key tokens are signed with: fresh per test run, or kept in a file so the launcher's tokens survive restarts. */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    static RSAKey loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + file + " is not a JWK; delete it to get a new one", e);
        }
    }
}
