package org.eemt.geo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.eemt.geo.EemtException;

/**
 * Every file the project reads or writes goes through here, over Hadoop's {@link FileSystem} API:
 * plain paths and {@code file://} on a laptop, {@code hdfs://} on a cluster, {@code s3a://} in a
 * cloud, with one code path. Locations are plain strings so that they travel between JVMs.
 *
 * <p>The file systems are configured by the Hadoop configuration {@link #configure} installed in
 * this JVM: under Spark, Spark's own (its {@code spark.hadoop.*} settings and the cluster's
 * {@code *-site.xml}) on the driver and on every executor; elsewhere Hadoop's defaults and the
 * {@code *-site.xml} files on the classpath. Hadoop caches a file system per scheme and
 * authority, so the settings in force when a store is first used in a JVM are the ones it keeps.
 *
 * <p>Products appear atomically: {@link #publish} copies a finished local file next to its target
 * under a hidden temporary name, then renames it into place (on an object store the rename is a
 * copy; readers still never see a partial object, as each object is written whole).
 *
 * <p>Files written to the local file system go through {@code java.nio} instead: without Hadoop's
 * native library, its local file system sets each new file's and directory's permissions by
 * running {@code chmod}, a process per file (over 600 in a run of 40 products). Local files get
 * the process's umask, as any other program's.
 */
public final class Storage {
    private static volatile Configuration conf = new Configuration();

    private Storage() {
    }

    /** Uses {@code configuration} for every location from now on in this JVM. */
    public static void configure(Configuration configuration) {
        conf = configuration;
    }

    /**
     * The environment error behind a failure on a location, or {@code null}: a store (not the
     * local disk) that refuses the credentials or cannot be reached.
     */
    public static EemtException storeProblem(String location, IOException e) {
        if ("file".equals(path(location).toUri().getScheme()) || path(location).toUri().getScheme() == null) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.AccessDeniedException || t instanceof java.net.ConnectException
                    || t instanceof java.net.UnknownHostException) {
                return EemtException.environment(location, "the store refused access or cannot be reached (" + firstLine(e) + ")",
                        "check the store's endpoint and credentials (spark.hadoop.fs.<scheme>.* settings, see docs/deploying.md)");
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The Hadoop path of a location (a plain path is taken as a local file). */
    public static Path path(String location) {
        return new Path(location);
    }

    /** The file system of a location; local files without Hadoop's {@code .crc} side files. */
    public static FileSystem fileSystem(String location) throws IOException {
        FileSystem fs = path(location).getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /** A location inside a directory location. */
    public static String child(String directory, String relative) {
        return new Path(path(directory), relative).toString();
    }

    /** The local file behind a location, or {@code null} when it lives on another file system. */
    public static java.nio.file.Path localFile(String location) throws IOException {
        Path p = path(location);
        FileSystem fs = fileSystem(location);
        if (!"file".equals(fs.getUri().getScheme())) {
            return null;
        }
        return java.nio.file.Path.of(fs.makeQualified(p).toUri());
    }

    public static boolean exists(String location) throws IOException {
        return fileSystem(location).exists(path(location));
    }

    public static FileStatus status(String location) throws IOException {
        return fileSystem(location).getFileStatus(path(location));
    }

    /** A seekable channel for reading, for file formats that need random access (TIFF). */
    public static SeekableByteChannel openChannel(String location) throws IOException {
        java.nio.file.Path local = localFile(location);
        if (local != null) {
            return Files.newByteChannel(local);
        }
        FileSystem fs = fileSystem(location);
        Path p = path(location);
        return new HadoopSeekableChannel(fs.open(p), fs.getFileStatus(p).getLen());
    }

    public static InputStream open(String location) throws IOException {
        return fileSystem(location).open(path(location));
    }

    /** Writes a small file (a manifest, a VRT) atomically. */
    public static void writeAtomically(String location, byte[] content) throws IOException {
        java.nio.file.Path local = localFile(location);
        if (local != null) {
            writeLocal(local, part -> Files.write(part, content));
            return;
        }
        FileSystem fs = fileSystem(location);
        Path target = path(location);
        Path part = hiddenSibling(target);
        try (OutputStream out = fs.create(part, true)) {
            out.write(content);
        }
        moveIntoPlace(fs, part, target);
    }

    /** Copies a finished local file to {@code location} under a temporary name, then renames it into place. */
    public static void publish(java.nio.file.Path localFile, String location) throws IOException {
        java.nio.file.Path local = localFile(location);
        if (local != null) {
            writeLocal(local, part -> Files.copy(localFile, part));
            return;
        }
        FileSystem fs = fileSystem(location);
        Path target = path(location);
        Path part = hiddenSibling(target);
        // A stream, not copyFromLocalFile: S3A 3.3.4's copyFromLocalFile fails on some local URIs
        // ("Cannot get relative path"), and a stream is what every file system does the same way.
        try (OutputStream out = fs.create(part, true)) {
            Files.copy(localFile, out);
        }
        moveIntoPlace(fs, part, target);
    }

    public static void mkdirs(String location) throws IOException {
        java.nio.file.Path local = localFile(location);
        if (local != null) {
            Files.createDirectories(local);
        } else {
            fileSystem(location).mkdirs(path(location));
        }
    }

    public static void delete(String location) throws IOException {
        fileSystem(location).delete(path(location), true);
    }

    /** Renames a file or directory; an existing target is replaced. */
    public static void move(String from, String to) throws IOException {
        FileSystem fs = fileSystem(from);
        moveIntoPlace(fs, path(from), path(to));
    }

    /** The names of the files directly inside a directory (empty if it does not exist). */
    public static List<String> list(String directory) throws IOException {
        FileSystem fs = fileSystem(directory);
        Path dir = path(directory);
        List<String> names = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                names.add(s.getPath().getName());
            }
        }
        return names;
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(String location) throws IOException {
        try (InputStream in = open(location)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path hiddenSibling(Path target) {
        return new Path(target.getParent(), partName(target.getName()));
    }

    /** The name a file is written under before it is renamed to {@code name}: hidden, and unique to the writer. */
    private static String partName(String name) {
        return "." + name + "." + UUID.randomUUID() + ".part";
    }

    /** Writes a file's content to the path it is given. */
    private interface PartWriter {
        void write(java.nio.file.Path part) throws IOException;
    }

    /**
     * Writes a local target under a hidden name beside it (its directory made as needed), then renames it over the
     * target in one step, so that readers see the old file or the new one; on failure nothing is left behind.
     */
    private static void writeLocal(java.nio.file.Path target, PartWriter writer) throws IOException {
        Files.createDirectories(target.getParent());
        java.nio.file.Path part = target.resolveSibling(partName(target.getFileName().toString()));
        try {
            writer.write(part);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    private static void moveIntoPlace(FileSystem fs, Path from, Path to) throws IOException {
        fs.mkdirs(to.getParent());
        if (fs.exists(to)) {
            fs.delete(to, true);
        }
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    /** A {@link SeekableByteChannel} over a Hadoop input stream, read-only. */
    private static final class HadoopSeekableChannel implements SeekableByteChannel {
        private final FSDataInputStream in;
        private final long size;
        private boolean open = true;

        HadoopSeekableChannel(FSDataInputStream in, long size) {
            this.in = in;
            this.size = size;
        }

        /**
         * Fills {@code dst} up to the end of the file, as a local file's channel does: readers
         * such as jHDF read a structure with one call, while an object store's HTTP stream
         * returns whatever part of the range has arrived.
         */
        @Override
        public int read(java.nio.ByteBuffer dst) throws IOException {
            long left = size - in.getPos();
            if (left <= 0) {
                return dst.hasRemaining() ? -1 : 0;
            }
            int n = (int) Math.min(dst.remaining(), left);
            byte[] b = new byte[n];
            in.readFully(b, 0, n);
            dst.put(b);
            return n;
        }

        @Override
        public int write(java.nio.ByteBuffer src) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public long position() throws IOException {
            return in.getPos();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            in.seek(newPosition);
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long s) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            in.close();
        }
    }
}
