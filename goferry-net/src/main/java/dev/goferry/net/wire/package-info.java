/** HTTP/1.x response heads: read without over-reading ({@link dev.goferry.net.wire.HeadReader}) and parsed. */
package dev.goferry.net.wire;
