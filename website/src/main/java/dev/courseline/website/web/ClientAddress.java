package dev.courseline.website.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** The visitor's address as this site sees it, passed on to the services for their per-client limits. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        return remote.getAddress().getHostAddress();
    }
}
