package dev.kafkapipeline.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTest {
    private final EnvConfig env = EnvConfig.fromEnvironment();

    @Test
    void theUsageHasALineForEverySubcommandFromWhatItDeclares() {
        CommandRun help = CommandRun.of(env, "help");
        assertEquals(0, help.code());
        List<String> names = PipelineCommand.SUBCOMMANDS.stream().map(Subcommand::name).toList();
        assertEquals(List.of("up", "down", "status", "cql", "cqlsh", "logs", "reset", "render", "bench", "chaos", "laps"), names);
        for (Subcommand subcommand : PipelineCommand.SUBCOMMANDS) {
            String synopsis = (subcommand.name() + " " + subcommand.arguments()).strip();
            assertTrue(help.out().contains("\n  " + synopsis + " ") || help.out().contains("\n  " + synopsis + "\n"),
                    synopsis + " in\n" + help.out());
            assertTrue(help.out().contains(subcommand.help() + "\n"), subcommand.help() + " in\n" + help.out());
        }
    }

    @Test
    void noArgumentsIsAUsageErrorWithTheSameText() {
        CommandRun none = CommandRun.of(env);
        assertEquals(2, none.code());
        assertEquals(PipelineCommand.usage(), none.err());
    }

    @Test
    void lapsIsKnownToTheDispatcher() {
        CommandRun laps = CommandRun.of(env, "laps", "--help");
        assertFalse(laps.err().contains("unknown command"), laps.err());
        assertNotEquals(2, laps.code());
    }

    @Test
    void aWrongArgumentNamesTheSubcommandsSynopsis() {
        CommandRun up = CommandRun.of(env, "up", "--online");
        assertEquals(2, up.code());
        assertEquals("pipeline: up takes no arguments but --offline and --cluster\nusage: ./pipeline up [--offline] [--cluster]\n", up.err());
    }
}
