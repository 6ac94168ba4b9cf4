package io.hallows.hal.impl.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcFilesTest {
    /** A real stat line of a thread named "a) b (c" (spaces and parentheses): cpu 3 in field 39. */
    private static final String STAT = "4242 (a) b (c) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 12 0 "
            + "123456 1000000 200 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 3 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    @Test
    void findsTheProcessorAfterTheLastParenthesis() throws IOException {
        assertEquals(3, ProcFiles.processor(STAT));
    }

    @Test
    void aTruncatedOrGarbledStatLineIsAnError() {
        IOException shortLine = assertThrows(IOException.class, () -> ProcFiles.processor("1 (x) S 1 2 3"));
        assertTrue(shortLine.getMessage().contains("field 39"), shortLine.getMessage());
        assertThrows(IOException.class, () -> ProcFiles.processor(STAT.replace(" 17 3 ", " 17 three ")));
        assertThrows(IOException.class, () -> ProcFiles.processor("no parenthesis at all"));
    }

    @Test
    void readsStatusFieldsByExactKey() {
        String status = "Name:\tjava\nvoluntary_ctxt_switches:\t12\nnonvoluntary_ctxt_switches:\t3\nCpus_allowed_list:\t0-1\n";
        assertEquals(Optional.of("12"), ProcFiles.statusField(status, "voluntary_ctxt_switches"));
        assertEquals(Optional.of("3"), ProcFiles.statusField(status, "nonvoluntary_ctxt_switches"));
        assertEquals(Optional.of("0-1"), ProcFiles.statusField(status, "Cpus_allowed_list"));
        assertEquals(Optional.empty(), ProcFiles.statusField(status, "Cpus_allowed"));
    }

    @Test
    void readsTheSoftLockedMemoryLimit() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max locked memory         8388608              16777216             bytes\n";
        assertEquals("8388608 bytes", ProcFiles.lockedMemoryLimit(limits));
        assertEquals("unlimited", ProcFiles.lockedMemoryLimit("Max locked memory  unlimited  unlimited  bytes\n"));
        assertTrue(ProcFiles.lockedMemoryLimit("").startsWith("unknown"));
    }

    @Test
    void theCallingThreadIsATaskOfThisProcessOnThisMachine() throws IOException {
        assumeTrue(Files.isSymbolicLink(ProcFiles.THREAD_SELF), "no /proc/thread-self here");
        long tid = ProcFiles.threadId();

        assertTrue(ProcFiles.isThreadOfThisProcess(tid));
        assertTrue(ProcFiles.isThreadOfThisProcess(ProcessHandle.current().pid()), "the main thread's tid is the pid");
        assertTrue(!ProcFiles.isThreadOfThisProcess(Integer.MAX_VALUE) && !ProcFiles.isThreadOfThisProcess(0));
        assertTrue(ProcFiles.currentCpu() >= 0);
    }
}
