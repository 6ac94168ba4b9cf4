package io.hallows.kernel.impl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStackIsKeptOutAndToldWhoHoldsTheFolder() throws Exception {
        Path root = dir.resolve("data");
        try (DataFolder first = DataFolder.open(root)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
            IOException refused = assertThrows(IOException.class, () -> DataFolder.open(root));
            assertTrue(refused.getMessage().contains("is in use by another stack (pid " + ProcessHandle.current().pid()),
                    refused.getMessage());
        }
        try (DataFolder again = DataFolder.open(root)) {
            assertNull(again.problem(), "free again once the first one closed");
        }
    }

    @Test
    void layersGetOwnerOnlyFoldersWithPlainNamesOnly() throws Exception {
        try (DataFolder data = DataFolder.open(dir.resolve("data"))) {
            Path oltp = data.directory("oltp");
            assertEquals(data.root().resolve("oltp"), oltp);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(oltp)));
            for (String bad : new String[] {"../etc", "OLTP", "", "a/b", ".hidden", "audit", "framework", "framework-123", "parseltongue"}) {
                assertThrows(IllegalArgumentException.class, () -> data.directory(bad), bad);
            }
        }
    }

    @Test
    void aDeletedFolderOrLockIsAProblem() throws Exception {
        Path root = dir.resolve("data");
        try (DataFolder data = DataFolder.open(root)) {
            Files.delete(root.resolve(DataLock.FILE));
            assertTrue(data.problem().contains("was deleted"), data.problem());
            Files.delete(root);
            assertTrue(data.problem().contains("is gone"), data.problem());
        }
    }
}
