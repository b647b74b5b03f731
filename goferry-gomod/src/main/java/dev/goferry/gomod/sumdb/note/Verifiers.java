package dev.goferry.gomod.sumdb.note;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the verifier for a signature's key name and hash (x/mod {@code note.Verifiers}). */
@FunctionalInterface
public interface Verifiers {

    /**
     * Returns the verifier for {@code name} and {@code keyHash}.
     *
     * @throws NoteException.UnknownVerifier if there is none; NoteException "ambiguous key" if several
     */
    Verifier verifier(String name, int keyHash) throws NoteException;

    /** {@return verifiers looked up in a fixed list (x/mod {@code VerifierList})} */
    static Verifiers of(Verifier... list) {
        Map<String, List<Verifier>> m = new HashMap<>();
        for (Verifier v : list) {
            m.computeIfAbsent(v.name() + "+" + v.keyHash(), k -> new ArrayList<>()).add(v);
        }
        return (name, hash) -> {
            List<Verifier> vs = m.get(name + "+" + hash);
            if (vs == null) {
                throw new NoteException.UnknownVerifier(name, hash);
            }
            if (vs.size() > 1) {
                throw new NoteException(String.format("ambiguous key %s+%08x", name, hash));
            }
            return vs.get(0);
        };
    }
}
