package dev.arbiter.scenarios.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * This machine's floor for a durable acknowledgement: append a record to a file and force it to the device
 * ({@code FileChannel.force}, fdatasync on Linux), many times, and report the latency of one write-and-force.
 * No acknowledgement that survives power loss can be faster than this on the same disk; a group commit shares one
 * force among the records that arrived meanwhile.
 *
 * <pre>java ... dev.arbiter.scenarios.bench.FsyncFloor DIRECTORY [records=2000] [bytes=4096]</pre>
 */
public final class FsyncFloor {

    private FsyncFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FsyncFloor DIRECTORY [records=2000] [bytes=4096]");
            System.exit(2);
        }
        Path file = Files.createTempFile(Path.of(args[0]), "fsync-floor", ".log");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int bytes = args.length > 2 ? Integer.parseInt(args[2]) : 4096;
        ByteBuffer record = ByteBuffer.allocateDirect(bytes);
        long[] nanos = new long[records];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int i = 0; i < records; i++) {
                record.clear();
                long start = System.nanoTime();
                channel.write(record);
                channel.force(false);
                nanos[i] = System.nanoTime() - start;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "write+force of %d bytes, %d times: p50=%.1f us p99=%.1f us max=%.1f us (%.0f forces/s)%n",
                bytes, records, nanos[records / 2] / 1e3, nanos[(int) (records * 0.99)] / 1e3, nanos[records - 1] / 1e3,
                records / (Arrays.stream(nanos).sum() / 1e9));
    }
}
