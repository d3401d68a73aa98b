package com.almreporting.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Directories only their owner may enter ({@code rwx------}) and files only their owner may read ({@code rw-------}):
 * the data directory and what alm keeps there (the embedded server's cluster, the lock file) are personal. The mode is
 * set explicitly after creation, so that a permissive umask (000, say) does not open them. What already exists is
 * left as it is: an operator may have chosen its mode. On a file system without POSIX permissions they are created
 * plainly. Stateless.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code dir} and every missing parent, each {@code rwx------}.
     *
     * @return {@code dir}
     * @throws IOException when a directory cannot be created, or a file of that name is in the way
     */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!posix()) {
            return Files.createDirectories(absolute);
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(p, DIRECTORY);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
        return absolute;
    }

    /**
     * Creates {@code file}, empty and {@code rw-------}, unless it exists.
     *
     * @return {@code file}
     * @throws IOException when it cannot be created
     */
    public static Path createFileIfAbsent(Path file) throws IOException {
        try {
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                Files.setPosixFilePermissions(file, FILE);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // someone else's run made it first, or a previous one: its mode stays
        }
        return file;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
