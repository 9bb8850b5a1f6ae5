package dev.kafkapipeline.local.status;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.kafkapipeline.local.stack.ServerMember;
import dev.kafkapipeline.local.status.StackStatus.NodeState;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cassandra's nodes as a client sees them: the nodes the ring knows (the
 * driver reads system.local and system.peers), each with the state the
 * session found it in (UP once a connection to it opened, DOWN when none could).
 */
final class RingProbe {
    private RingProbe() {}

    static List<NodeState> read(CqlSession session, List<ServerMember> nodes, int port) {
        List<NodeState> states = new ArrayList<>();
        for (ServerMember member : nodes) {
            Optional<Node> node = session.getMetadata().getNodes().values().stream()
                    .filter(n -> n.getEndPoint().resolve() instanceof InetSocketAddress at
                            && at.getAddress().getHostAddress().equals(member.host()))
                    .findFirst();
            states.add(new NodeState(member.name(), member.address(port), node.map(n -> n.getState().name()).orElse("NOT IN RING"),
                    node.map(Node::getDatacenter).orElse("-")));
        }
        return List.copyOf(states);
    }
}
