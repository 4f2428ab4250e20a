package com.steadydesk.channels.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets (mailbox passwords) for storage with AES-256-GCM: a random 12-byte IV per value, stored as
 * {@code v1:<base64 of iv + ciphertext + tag>}. The version prefix leaves room for another algorithm or key later and
 * tells sealed values from the plain text stored before (decision 0007).
 */
public final class SecretBox {

    static final int KEY_BYTES = 32;
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom random = new SecureRandom();

    private final SecretKey key;

    public SecretBox(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A box with a new random key (tests; a throw-away database). */
    public static SecretBox withRandomKey() {
        return new SecretBox(randomKey());
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** True when the stored value was sealed by a box (any key); false for plain text stored before sealing existed. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    /** The value as it is stored; null stays null. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value of a sealed one; null stays null. Throws {@link Unreadable} for another key or a damaged value. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new Unreadable("the value is not sealed (expected the prefix " + VERSION + ")", null);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (bytes.length <= IV_BYTES) {
                throw new Unreadable("the sealed value is too short", null);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the sealed value is not valid base64", e);
        } catch (GeneralSecurityException e) {
            // GCM's tag check fails alike for another key and for changed bytes; the key is the usual cause
            throw new Unreadable("it was sealed with another key, or the stored value was changed", e);
        }
    }

    /** A sealed value that this box cannot open. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
