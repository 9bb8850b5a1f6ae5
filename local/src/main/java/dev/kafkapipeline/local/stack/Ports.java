package dev.kafkapipeline.local.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port checks: 127.0.0.1, or the address of a cluster's member (127.0.0.N). */
public final class Ports {
    private Ports() {}

    static boolean isFree(Endpoint endpoint) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean accepts(int port) {
        return accepts(new Endpoint(InetAddress.getLoopbackAddress().getHostAddress(), port));
    }

    public static boolean accepts(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
