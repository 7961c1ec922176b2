package org.eemt.job.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, below Linux's ephemeral range (32768–60999): a port from that
 * range can be handed to another program's socket (srun's, a Spark daemon's random ports) before the test binds it.
 */
final class FreePort {
    private static final int FIRST = 20000;
    private static final int PAST_LAST = 32768;

    private FreePort() {
    }

    static int next() {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(FIRST, PAST_LAST);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free port in " + FIRST + "-" + (PAST_LAST - 1), last);
    }
}
