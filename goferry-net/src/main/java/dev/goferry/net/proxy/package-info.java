/** HTTP CONNECT through an http:// proxy as Go's transport sends it; outcomes are {@link dev.goferry.net.proxy.ConnectOutcome}. */
package dev.goferry.net.proxy;
