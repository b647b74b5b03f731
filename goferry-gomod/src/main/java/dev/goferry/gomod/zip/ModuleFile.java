package dev.goferry.gomod.zip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One file offered for a module zip, from a directory, an archive or memory (x/mod
 * {@code zip.File}). Checks call only {@link #path} and {@link #lstat}; only creating a zip
 * opens files.
 */
public interface ModuleFile {

    /** {@return the clean slash-separated path from the module root, e.g. {@code sub/x.go}} */
    String path();

    /** {@return what the file is, not following a symbolic link} */
    FileInfo lstat() throws IOException;

    /** {@return the content of a regular file} */
    InputStream open() throws IOException;

    /** What kind of entry a file is, and its size in bytes (for regular files). */
    record FileInfo(Type type, long size) {
        /** The kinds of entry a file system or archive can hold. */
        public enum Type {
            REGULAR, DIRECTORY, SYMLINK, OTHER
        }

        /** {@return a regular file of the given size} */
        public static FileInfo regular(long size) {
            return new FileInfo(Type.REGULAR, size);
        }
    }

    /** {@return a regular in-memory file} */
    static ModuleFile of(String path, byte[] data) {
        byte[] copy = data.clone();
        return new ModuleFile() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public FileInfo lstat() {
                return FileInfo.regular(copy.length);
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public String toString() {
                return path;
            }
        };
    }

    /** {@return an entry of another kind (symlink, directory, device), which has no content} */
    static ModuleFile special(String path, FileInfo.Type type) {
        return new ModuleFile() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public FileInfo lstat() {
                return new FileInfo(type, 0);
            }

            @Override
            public InputStream open() throws IOException {
                throw new IOException(path + ": not a regular file");
            }

            @Override
            public String toString() {
                return path;
            }
        };
    }

    /** {@return the file at {@code file} on disk, offered under the module-relative {@code path}} */
    static ModuleFile onDisk(String path, Path file) {
        return new ModuleFile() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public FileInfo lstat() throws IOException {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                FileInfo.Type type = a.isSymbolicLink() ? FileInfo.Type.SYMLINK
                        : a.isDirectory() ? FileInfo.Type.DIRECTORY
                        : a.isRegularFile() ? FileInfo.Type.REGULAR : FileInfo.Type.OTHER;
                return new FileInfo(type, a.size());
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String toString() {
                return path;
            }
        };
    }
}
