package dev.kafkapipeline.local.stack;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One process of a kind the stack may run several of (a broker, a Cassandra
 * node, a Connect worker, a consumers service), as the native stack runs it.
 * Members of a cluster listen on loopback addresses of their own, all on the
 * same ports: member N on 127.0.0.N, a name with the number ({@code kafka-2}).
 * A kind the stack runs once keeps its plain name and 127.0.0.1, as it always had.
 *
 * @param name   the service's name: its log, its pid file, {@code ./pipeline logs NAME}
 * @param number from 1; a broker's Kafka node id
 * @param host   the loopback address it listens on
 */
public record ServerMember(String name, int number, String host) {

    static List<ServerMember> of(String kind, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new ServerMember(count > 1 ? kind + "-" + n : kind, n, host(n)))
                .toList();
    }

    static String host(int number) {
        return "127.0.0." + number;
    }

    public String address(int port) {
        return new Endpoint(host, port).toString();
    }
}
