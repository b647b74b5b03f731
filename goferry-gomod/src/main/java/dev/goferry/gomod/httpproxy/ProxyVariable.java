package dev.goferry.gomod.httpproxy;

/**
 * The environment variables Go's proxy selection reads, in the order {@code getEnvAny} tries
 * them: the upper-case name first, and the lower-case one only when the upper-case one is unset
 * <em>or empty</em>.
 */
public enum ProxyVariable {
    HTTP_PROXY, http_proxy, HTTPS_PROXY, https_proxy, NO_PROXY, no_proxy, REQUEST_METHOD
}
