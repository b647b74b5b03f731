package dev.goferry.gomod.sumdb.note;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Opens (verifies) and signs notes exactly as x/mod {@code note.Open} and {@code note.Sign}. */
public final class Notes {

    private static final String MALFORMED = "malformed note";
    private static final String SIG_PREFIX = "\u2014 ";

    private Notes() {
    }

    /**
     * Parses the signed note {@code msg} and verifies its signatures with {@code known}.
     *
     * @throws NoteException "malformed note"; {@link NoteException.InvalidSignature} if a known key's
     *     signature does not verify; {@link NoteException.UnverifiedNote} if no signature is by a known key
     */
    public static Note open(byte[] msg, Verifiers known) throws NoteException {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(msg)).toString();
        } catch (CharacterCodingException e) {
            throw new NoteException(MALFORMED);
        }
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new NoteException(MALFORMED);
        }
        int split = s.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException(MALFORMED);
        }
        String text = s.substring(0, split + 1);
        String sigs = s.substring(split + 2);
        if (sigs.isEmpty() || sigs.charAt(sigs.length() - 1) != '\n') {
            throw new NoteException(MALFORMED);
        }
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        List<Note.Signature> verified = new ArrayList<>();
        List<Note.Signature> unverified = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> seenUnverified = new HashSet<>();
        int numSig = 0;
        while (!sigs.isEmpty()) {
            int i = sigs.indexOf('\n');
            String line = sigs.substring(0, i);
            sigs = sigs.substring(i + 1);
            if (!line.startsWith(SIG_PREFIX)) {
                throw new NoteException(MALFORMED);
            }
            line = line.substring(SIG_PREFIX.length());
            String[] nb = Keys.chop(line, " ");
            String name = nb[0];
            String b64 = nb[1];
            byte[] sig = Keys.decode(b64);
            if (sig == null || !Keys.isValidName(name) || b64.isEmpty() || sig.length < 5) {
                throw new NoteException(MALFORMED);
            }
            int hash = ByteBuffer.wrap(sig, 0, 4).getInt();
            sig = Arrays.copyOfRange(sig, 4, sig.length);
            if (++numSig > 100) {
                throw new NoteException(MALFORMED);
            }
            Verifier v;
            try {
                v = known.verifier(name, hash);
            } catch (NoteException.UnknownVerifier e) {
                if (seenUnverified.add(line)) {
                    unverified.add(new Note.Signature(name, hash, b64));
                }
                continue;
            }
            if (!v.name().equals(name) || v.keyHash() != hash) {
                throw new NoteException("verifier name or hash doesn't match signature");
            }
            if (!seen.add(name + "+" + hash)) {
                continue;
            }
            if (!v.verify(textBytes, sig)) {
                throw new NoteException.InvalidSignature(name, hash);
            }
            verified.add(new Note.Signature(name, hash, b64));
        }
        Note n = new Note(text, verified, unverified);
        if (verified.isEmpty()) {
            throw new NoteException.UnverifiedNote(n);
        }
        return n;
    }

    /**
     * Signs {@code n} with {@code signers}, keeping the note's existing signatures by other keys
     * (first), then the new ones.
     *
     * @throws NoteException "malformed note" if the text does not end in a newline, "invalid signer"
     */
    public static byte[] sign(Note n, Signer... signers) throws NoteException {
        if (!n.text().endsWith("\n")) {
            throw new NoteException(MALFORMED);
        }
        byte[] text = n.text().getBytes(StandardCharsets.UTF_8);
        StringBuilder sigs = new StringBuilder();
        Set<String> have = new HashSet<>();
        for (Signer s : signers) {
            have.add(s.name() + "+" + s.keyHash());
            if (!Keys.isValidName(s.name())) {
                throw new NoteException("invalid signer");
            }
            byte[] sig = s.sign(text);
            byte[] raw = ByteBuffer.allocate(4 + sig.length).putInt(s.keyHash()).put(sig).array();
            sigs.append(SIG_PREFIX).append(s.name()).append(' ').append(Base64.getEncoder().encodeToString(raw)).append('\n');
        }
        StringBuilder buf = new StringBuilder(n.text()).append('\n');
        for (List<Note.Signature> list : List.of(n.sigs(), n.unverifiedSigs())) {
            for (Note.Signature sig : list) {
                if (!Keys.isValidName(sig.name())) {
                    throw new NoteException(MALFORMED);
                }
                if (have.contains(sig.name() + "+" + sig.keyHash())) {
                    continue;
                }
                byte[] raw = Keys.decode(sig.base64());
                if (raw == null || raw.length < 4 || ByteBuffer.wrap(raw).getInt() != sig.keyHash()) {
                    throw new NoteException(MALFORMED);
                }
                buf.append(SIG_PREFIX).append(sig.name()).append(' ').append(sig.base64()).append('\n');
            }
        }
        buf.append(sigs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(buf.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
