package dev.kafkapipeline.dockercheck;

/**
 * One published port in compose's short syntax: [host_ip:]published:target.
 *
 * @param hostIp empty when the port is published on every interface
 */
record PortMapping(String hostIp, int published, int target) {

    static PortMapping parse(String spec) {
        String plain = spec.replace("/tcp", "");
        String[] parts = plain.split(":");
        try {
            return switch (parts.length) {
                case 2 -> new PortMapping("", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                case 3 -> new PortMapping(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                default -> throw new IllegalArgumentException("port '" + spec + "' is not [host_ip:]published:target");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + spec + "' has a non-numeric port", e);
        }
    }
}
