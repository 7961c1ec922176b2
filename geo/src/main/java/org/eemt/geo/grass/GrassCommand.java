package org.eemt.geo.grass;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eemt.geo.EemtException;

/**
 * How to start GRASS GIS 8: {@code grass --tmp-location <georeferenced file> --exec bash <script>},
 * on the host ({@link ContainerRuntime#NONE}) or inside {@code image} with a container runtime and
 * extra arguments for the runtime's run command ({@code runtimeArgs}, e.g. volume or security
 * options). Everything GRASS reads and writes, its HOME and TMPDIR included, is in one scratch
 * directory, which a container sees at the same path:
 * <ul>
 *   <li>docker, podman: {@code run --rm --network none -v S:S -w S --user ... [runtimeArgs] IMAGE env HOME=S TMPDIR=S grass ...},
 *       as the owner of the scratch directory (podman without root: {@code --userns keep-id});</li>
 *   <li>apptainer, singularity: {@code exec --bind S --pwd S [runtimeArgs] IMAGE env HOME=S TMPDIR=S grass ...}.</li>
 * </ul>
 * {@link #check()} finds what is missing before anything runs (exit code 3, one line with the fix).
 */
public record GrassCommand(ContainerRuntime runtime, String image, List<String> runtimeArgs) implements Serializable {
    private static final int LOG_TAIL_CHARS = 3000;

    public GrassCommand {
        runtimeArgs = List.copyOf(runtimeArgs);
        if (runtime != ContainerRuntime.NONE && (image == null || image.isBlank())) {
            throw EemtException.input("--container-image", "no image given for --container-runtime " + runtime.cliName(),
                    "give an image with GRASS GIS 8 (e.g. one built by submit/container/build-image.sh)");
        }
    }

    /**
     * Fails with an environment error (exit code 3) naming what is missing and the fix: {@code grass}
     * (no runtime), the runtime's executable, or the image (docker, podman: {@code image inspect};
     * apptainer, singularity: an image file that is not there).
     */
    public void check() {
        if (runtime == ContainerRuntime.NONE) {
            if (!onPath("grass")) {
                throw EemtException.environment("grass", "GRASS GIS is not on the PATH, and the GRASS solar engine needs it",
                        "install GRASS GIS 8 (apt-get install grass-core), or run it in a container: --container-runtime podman --container-image IMAGE");
            }
            return;
        }
        String executable = runtime.cliName();
        if (!onPath(executable)) {
            throw EemtException.environment("--container-runtime " + executable, executable + " is not on the PATH",
                    "install " + executable + " on every worker or choose another --container-runtime (none, docker, podman, apptainer, singularity)");
        }
        if (runtime.dockerLike()) {
            List<String> inspect = List.of(executable, "image", "inspect", "--format", "{{.Id}}", image);
            String answer = probe(inspect);
            if (answer != null) {
                throw EemtException.environment("--container-image " + image, executable + " cannot find the image (" + answer + ")",
                        "build or pull it on every worker (submit/container/build-image.sh), or fix --container-image");
            }
        } else if (!image.contains("://") && !Files.isReadable(Path.of(image))) {
            throw EemtException.environment("--container-image " + image, "no readable image file there",
                    "build the image (apptainer build, submit/apptainer/eemt.def) on every worker, or fix --container-image");
        }
    }

    /**
     * Runs {@code bash script} in a GRASS session whose temporary location takes its CRS from
     * {@code georeferenced}; both files lie in {@code scratch}. GRASS's output goes to
     * {@code scratch/grass.log}; a failure throws an {@link IOException} that carries the log's tail.
     */
    public void run(Path scratch, Path georeferenced, Path script) throws IOException, InterruptedException {
        Path log = scratch.resolve("grass.log");
        List<String> command = command(scratch, List.of("grass", "--tmp-location", georeferenced.toString(), "--exec", "bash", script.toString()));
        Process process = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        try {
            exit = process.waitFor();
        } finally {
            process.destroyForcibly();
        }
        if (exit != 0) {
            throw new IOException("GRASS GIS failed (exit code " + exit + "): " + String.join(" ", command)
                    + "\n--- last lines of its log ---\n" + tail(log));
        }
    }

    /** The full command line that runs {@code grassCommand} (starting with {@code grass}) with scratch directory {@code scratch}. */
    List<String> command(Path scratch, List<String> grassCommand) throws IOException {
        String dir = scratch.toString();
        List<String> inner = new ArrayList<>(List.of("env", "HOME=" + dir, "TMPDIR=" + dir));
        inner.addAll(grassCommand);
        if (runtime == ContainerRuntime.NONE) {
            return inner;
        }
        List<String> command = new ArrayList<>(List.of(runtime.cliName()));
        if (runtime.dockerLike()) {
            command.addAll(List.of("run", "--rm", "--network", "none", "-v", dir + ":" + dir, "-w", dir));
            int uid = (Integer) Files.getAttribute(scratch, "unix:uid");
            int gid = (Integer) Files.getAttribute(scratch, "unix:gid");
            if (runtime == ContainerRuntime.PODMAN && uid != 0) {
                command.addAll(List.of("--userns", "keep-id")); // rootless podman: the user itself inside
            }
            command.addAll(List.of("--user", uid + ":" + gid));
        } else {
            command.addAll(List.of("exec", "--bind", dir, "--pwd", dir));
        }
        command.addAll(runtimeArgs);
        command.add(image);
        command.addAll(inner);
        return command;
    }

    /** Whether {@code executable} can be run: a path to an executable file, or a name found on the PATH. */
    public static boolean onPath(String executable) {
        if (executable.contains(File.separator)) {
            return Files.isExecutable(Path.of(executable));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a short command; null when it exits 0, else the first line of its output (or why it did not run). */
    private static String probe(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not answer in 60 s";
            }
            if (process.exitValue() == 0) {
                return null;
            }
            String first = output.lines().findFirst().orElse("");
            return String.join(" ", command) + " exited " + process.exitValue() + (first.isEmpty() ? "" : ": " + first);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        return text.length() > LOG_TAIL_CHARS ? "..." + text.substring(text.length() - LOG_TAIL_CHARS) : text;
    }
}
