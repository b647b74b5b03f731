package dev.goferry.net.dns;

/** The address record types Go asks for. */
public enum QueryType {
    A(1), AAAA(28);

    private final int code;

    QueryType(int code) {
        this.code = code;
    }

    /** {@return the DNS TYPE code} */
    public int code() {
        return code;
    }
}
