package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.opensearch.Cluster;

/**
 * A password typed into an engine URL is never printed (hostile trial, session 3): 'search
 * --engine http://user:pass@host/' printed "cannot open the engine http://user:pass@host/: the
 * engine URL holds credentials...", a malformed one echoed it twice, -v a third time in the stack
 * trace, and a $TPSEARCH_ENGINE with one was quoted whole by every command. A URL tpsearch cannot use is a usage
 * error (exit 2), as 'index --to' already said.
 */
class EngineUrlSecretsTest {
  @TempDir Path home;

  private static final String SECRET = "s3cretPa55";

  @Test
  void aPasswordInTheEngineUrlIsNeverPrinted() {
    Cli cli = Cli.at(home);
    for (String url : new String[] {"http://user:" + SECRET + "@127.0.0.1:1/", "http://user:" + SECRET + "@127.0.0.1:1/a/b",
        "ftp://user:" + SECRET + "@host/", "http://user:" + SECRET + " x@127.0.0.1/", "http://user:" + SECRET + "/x@127.0.0.1/",
        "user:" + SECRET + "@127.0.0.1:9200"}) {
      for (String command : new String[] {"search", "facets", "stats"}) {
        Cli.Result r = command.equals("search") ? cli.run("-v", "search", "光伏", "--engine", url)
            : cli.run("-v", command, "--engine", url);
        assertEquals(2, r.exit(), r::toString);
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r::toString);
        assertTrue(r.err().startsWith("tpsearch: bad engine URL "), r::toString);
        assertTrue(r.err().contains("***@"), r::toString);
      }
    }
    // From the environment too, and in 'config'.
    Cli env = cli.with("TPSEARCH_ENGINE", "http://user:" + SECRET + "@127.0.0.1:1/x");
    Cli.Result search = env.run("search", "光伏");
    assertEquals(2, search.exit(), search::toString);
    assertFalse(search.err().contains(SECRET), search::toString);
    Cli.Result config = env.run("config");
    assertEquals(2, config.exit(), config::toString);
    assertFalse(config.out().contains(SECRET) || config.err().contains(SECRET), config::toString);
    assertTrue(config.err().contains("'http://***@127.0.0.1:1/x'"), config::toString);
  }

  @Test
  void redactedKeepsWhatIsNotASecret() {
    assertEquals("http://127.0.0.1:9200/tpsearch", Cluster.redacted("http://127.0.0.1:9200/tpsearch"));
    assertEquals("https://***@search.example:9200/x", Cluster.redacted("https://bob:pw@search.example:9200/x"));
    assertEquals("https://***@h/", Cluster.redacted("https://bob:p@w@h/"));
    assertEquals("***@h:9200", Cluster.redacted("bob:pw@h:9200"));
  }
}
