package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code pt:call} as a newcomer uses it: operations named like Java keywords, results in
 * Parseltongue's notation, suggestions for a misspelt operation, errors that name what a program
 * can catch, and a bound on a call that never returns, after which the shell answers again.
 */
class ParseltongueShellIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.ptshell", ":configurator:version": "1.0.0",
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false,
                  "bundles:String[]": ["pt.*"], "locations:String[]": ["parseltongue:*"] } }
            """;

    private static final String SHAPES = """
            module itshapes version "1.0.0";

            model Point { x: Int, y: Int }

            service Shapes {
                op double(n: Int): Int {
                    return n * 2;
                }

                op static(): String {
                    return "fixed";
                }

                op origin(): Point {
                    return Point { x: 0, y: 0 };
                }

                op find(n: Int): Option<Int> {
                    if n > 0 {
                        return some(n);
                    }
                    return none;
                }

                op names(): List<String> {
                    return ["a", "b"];
                }

                op ages(): Map<String, Int> {
                    return {"ana": 30};
                }

                op length(s: String): Int {
                    return len(s);
                }

                op grow(n: Int): Int {
                    return n * 9223372036854775807;
                }
            }
            """;

    private static final String SPINNER = """
            module itspin version "1.0.0";

            // spin(3000000000) runs for seconds: far beyond the call's bound, and it still ends, so the
            // test leaves no thread spinning in the JVM.
            service Spinner {
                op spin(n: Int): Int {
                    var i = 0;
                    while i < n {
                        i = i + 1;
                    }
                    return i;
                }

                @partition("apps")
                op spinInApps(n: Int): Int {
                    return spin(n);
                }

                op answer(): Int {
                    return 42;
                }
            }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "apps");

    @Test
    void operationsNamedLikeJavaKeywordsAreCalledByTheirOwnNames() throws Exception {
        deploy("itshapes.pt", SHAPES);
        assertEquals("42", call("itshapes Shapes double 21"));
        assertEquals("fixed", call("itshapes Shapes static"));
    }

    @Test
    void resultsPrintInParseltongueNotation() throws Exception {
        deploy("itshapes.pt", SHAPES);
        assertEquals("Point { x: 0, y: 0 }", call("itshapes Shapes origin"));
        assertEquals("some(2)", call("itshapes Shapes find 2"));
        assertEquals("none", call("itshapes Shapes find 0"));
        assertEquals("[\"a\", \"b\"]", call("itshapes Shapes names"));
        assertEquals("{\"ana\": 30}", call("itshapes Shapes ages"));
    }

    @Test
    void aMisspeltOperationIsSuggestedAndOverflowIsNamed() throws Exception {
        deploy("itshapes.pt", SHAPES);
        Exception unknown = assertThrows(Exception.class, () -> call("itshapes Shapes lenght abc"));
        assertTrue(unknown.getMessage().contains("Shapes has no operation 'lenght' (did you mean 'length'?)"), unknown.getMessage());
        Exception overflow = assertThrows(Exception.class, () -> call("itshapes Shapes grow 2"));
        assertTrue(overflow.getMessage().contains("catch Overflow e"), "names the catchable error: " + overflow.getMessage());
    }

    @Test
    void aCallThatNeverReturnsEndsAtItsTimeoutAndTheShellAnswersAgain() throws Exception {
        deploy("itspin.pt", SPINNER);
        long start = System.nanoTime();
        Exception timeout = assertThrows(Exception.class, () -> call("--timeout 300 itspin Spinner spin 3000000000"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(timeout.getMessage().startsWith("pt:call itspin Spinner spin: no answer after 300 ms (--timeout)"), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("SpinnerImpl.spin"), "where it was: " + timeout.getMessage());
        assertTrue(tookMillis < 10_000, "the shell returned after " + tookMillis + " ms");
        assertEquals("42", call("itspin Spinner answer"), "the shell and the module still answer");

        // Waiting for a partition's answer ends too: the waiting thread is interrupted.
        Exception inApps = assertThrows(Exception.class, () -> call("--timeout 300 itspin Spinner spinInApps 3000000000"));
        assertTrue(inApps.getMessage().startsWith("pt:call itspin Spinner spinInApps: no answer after 300 ms"), inApps.getMessage());
        assertEquals("42", call("itspin Spinner answer"));
    }

    /** The README's walkthrough: call the shipped hello.pt, change "Hello" to "Hi", deploy, call again. */
    @Test
    void theWalkthroughsEditOfHelloShowsTheNewTextWithTheCountKept() throws Exception {
        String hello = Files.readString(Path.of("apps", "hello.pt"));
        deploy("hello.pt", hello);
        assertEquals("Hello, Ana! (greeting number 1)", call("hello Greeter greet Ana"));
        deploy("hello.pt", hello.replace("\"Hello", "\"Hi"));
        assertEquals("Hi, Ana! (greeting number 2)", call("hello Greeter greet Ana"));
    }

    private static String call(String arguments) throws Exception {
        return stack.shell("pt:call " + arguments).strip();
    }

    private static void deploy(String file, String source) throws Exception {
        Path path = stack.work().resolve(file);
        Files.writeString(path, source);
        stack.shell("pt:deploy " + path);
    }
}
