package cn.edu.xietong.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2: the second factor's codes are those of RFC 6238, and each is accepted once, near its time only. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void codesAreThoseOfRfc6238AppendixB(long epochSecond, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(epochSecond));
        assertEquals(expected, Totp.code(RFC_SECRET, step, 8, "HmacSHA1"));
    }

    @Test
    void sixDigitCodeIsTheLastSixOfTheRfcValue() {
        assertEquals("287082", Totp.code(RFC_SECRET, Instant.ofEpochSecond(59)));
    }

    @Test
    void codeOfThePreviousAndNextStepIsAcceptedForClockDriftButNotTwoStepsAway() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        assertTrue(Totp.verify(secret, Totp.code(secret, now.minusSeconds(30)), now, 0).isPresent());
        assertTrue(Totp.verify(secret, Totp.code(secret, now.plusSeconds(30)), now, 0).isPresent());
        assertFalse(Totp.verify(secret, Totp.code(secret, now.minusSeconds(60)), now, 0).isPresent());
        assertFalse(Totp.verify(secret, Totp.code(secret, now.plusSeconds(61)), now, 0).isPresent());
    }

    @Test
    void aCodeIsNotAcceptedAgainOnceItsStepWasUsed() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        String code = Totp.code(secret, now);
        OptionalLong step = Totp.verify(secret, code, now, 0);
        assertEquals(Totp.step(now), step.orElseThrow());
        assertFalse(Totp.verify(secret, code, now, step.getAsLong()).isPresent(), "replayed");
    }

    @Test
    void spacesAreIgnoredAndMalformedCodesRefused() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String code = Totp.code(secret, now);
        assertTrue(Totp.verify(secret, code.substring(0, 3) + " " + code.substring(3), now, 0).isPresent());
        assertFalse(Totp.verify(secret, "12345", now, 0).isPresent());
        assertFalse(Totp.verify(secret, "abcdef", now, 0).isPresent());
        assertFalse(Totp.verify(secret, null, now, 0).isPresent());
    }

    @Test
    void keyUriNamesIssuerAndAccountAndCarriesTheBase32Secret() {
        byte[] secret = "foobar".getBytes(StandardCharsets.US_ASCII);
        assertEquals("otpauth://totp/Xietong:wang.wei?secret=MZXW6YTBOI&issuer=Xietong&algorithm=SHA1&digits=6"
                + "&period=30", Totp.keyUri("Xietong", "wang.wei", secret));
    }

    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32IsThatOfRfc4648WithoutPadding(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, Base32.encode(bytes));
        assertEquals(plain, new String(Base32.decode(encoded.toLowerCase() + "===="), StandardCharsets.US_ASCII));
    }

    @Test
    void recoveryCodesAreTenDistinctAndMatchWhateverTheirCaseOrDash() {
        var codes = SecondFactors.newRecoveryCodes();
        assertEquals(10, codes.stream().distinct().count());
        assertTrue(codes.stream().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}")), codes.toString());
        String code = codes.get(0);
        assertEquals(SecondFactors.normaliseRecoveryCode(code),
                SecondFactors.normaliseRecoveryCode(" " + code.toUpperCase().replace("-", " ")));
    }
}
