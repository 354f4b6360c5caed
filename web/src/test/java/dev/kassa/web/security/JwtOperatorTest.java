package dev.kassa.web.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kassa.testfixtures.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Operators signed in at an OIDC issuer: Spring Boot's own resource-server configuration builds the decoder
 * (here from the issuer's public key, as {@code issuer-uri} would from its JWKS), and the roles claim decides.
 */
@WebMvcTest(controllers = SecuredController.class)
@Tag("fast")
class JwtOperatorTest {

    private static final KeyPair ISSUER = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void issuerPublicKey(DynamicPropertyRegistry registry) {
        try {
            Path pem = Files.createTempFile("kassa-issuer", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTokenWithTheOperatorRoleActsInItsNamesName() throws Exception {
        mvc.perform(post("/secured/act").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(ISSUER, "ada",
                        List.of("OPERATOR"), Instant.now().plusSeconds(300))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actor").value("operator:ada"));
    }

    @Test
    void aViewerTokenReadsButDoesNotAct() throws Exception {
        String viewer = token(ISSUER, "vic", List.of("VIEWER"), Instant.now().plusSeconds(300));
        mvc.perform(get("/secured/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer)).andExpect(status().isOk());
        mvc.perform(post("/secured/act").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer))
                .andExpect(status().isForbidden());
    }

    @Test
    void tokensThatAreForgedExpiredOrGrantNoKassaRoleAreRefused() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        for (String token : List.of(
                token(STRANGER, "mallory", List.of("OPERATOR"), later),
                token(ISSUER, "ada", List.of("OPERATOR"), Instant.now().minusSeconds(600)),
                token(ISSUER, "ada", List.of("ADMIN", "MERCHANT"), later),
                token(ISSUER, "ada", List.of(), later))) {
            mvc.perform(get("/secured/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/unauthenticated"));
        }
    }

    @Test
    void operatorKeysStillWorkBesideTheIssuer() throws Exception {
        mvc.perform(post("/secured/act").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(TestKeys.OPERATOR)))
                .andExpect(status().isOk());
    }

    private static String token(KeyPair signer, String subject, List<String> roles, Instant expiry) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(Date.from(expiry.minusSeconds(900))).expirationTime(Date.from(expiry))
                .jwtID("jti-" + subject).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
