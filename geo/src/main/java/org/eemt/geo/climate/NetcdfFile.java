package org.eemt.geo.climate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.storage.Storage;

/**
 * The few operations the climate readers need from a netCDF file, whichever its format:
 * netCDF-4 (HDF5, as ORNL distributes Daymet; {@link Netcdf4File}) or netCDF-3 classic and
 * 64-bit offset (as the THREDDS NetcdfSubset service returns; {@link Netcdf3File}). The format
 * is recognised from the file's first bytes, not its name.
 *
 * <p>Attribute values come back as {@link String} (text) or {@code double[]} (numbers). Data
 * values come back raw: the caller applies {@code _FillValue}/{@code missing_value}.
 */
abstract class NetcdfFile implements AutoCloseable {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    final String location;

    NetcdfFile(String location) {
        this.location = location;
    }

    /** Opens a netCDF-3 or netCDF-4 file on any Hadoop file system; exit-2 errors when it is neither. */
    static NetcdfFile open(String location) {
        SeekableByteChannel channel;
        try {
            if (!Storage.exists(location)) {
                throw EemtException.input(location, "climate file not found", "check the path given to --climate");
            }
            channel = Storage.openChannel(location);
        } catch (IOException e) {
            throw EemtException.input(location, "climate file cannot be read (" + e.getMessage() + ")",
                    "check the path and its permissions", e);
        }
        try {
            ByteBuffer head = ByteBuffer.allocate(8);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // fill the signature buffer
            }
            byte[] b = head.array();
            channel.position(0);
            if (head.position() >= 4 && b[0] == 'C' && b[1] == 'D' && b[2] == 'F' && (b[3] == 1 || b[3] == 2)) {
                return new Netcdf3File(location, channel);
            }
            if (head.position() == 8 && java.util.Arrays.equals(b, HDF5_SIGNATURE)) {
                return new Netcdf4File(location, channel);
            }
            channel.close();
            throw EemtException.input(location, "is not a netCDF-3 or netCDF-4 file",
                    "give Daymet monthly netCDF files (daymet_v4_<var>_mon{avg,ttl}_<region>_<year>.nc)");
        } catch (IOException e) {
            closeQuietly(channel);
            throw EemtException.input(location, "is not a readable netCDF file (" + e.getMessage() + ")",
                    "download it again (the file may be truncated)", e);
        } catch (EemtException e) {
            closeQuietly(channel);
            throw e;
        } catch (RuntimeException e) {
            // a corrupt header (lengths out of range, bad dimension ids) of a file that looked like netCDF
            closeQuietly(channel);
            throw EemtException.input(location, "is not a readable netCDF file (" + e + ")",
                    "download it again (the file may be truncated or corrupt)", e);
        }
    }

    abstract boolean hasVariable(String variable);

    /** The names of all variables, in file order. */
    abstract java.util.List<String> variables();

    /** The dimension lengths of a variable, slowest-varying first. */
    abstract int[] shape(String variable);

    /** An attribute of a variable ({@code variable == null}: a global attribute), or {@code null}. */
    abstract Object attribute(String variable, String name);

    /** All values of a variable (intended for 1-D coordinate variables), as doubles. */
    abstract double[] readAll(String variable);

    /**
     * One 2-D slab of a 3-D variable {@code (first, y, x)}: index {@code first} of the first
     * dimension, the cells of {@code window} (columns along x, rows along y), row-major.
     */
    abstract float[] readSlab(String variable, int first, PixelWindow window);

    @Override
    public abstract void close();

    /** A read failure inside the file, reported against the file. */
    EemtException unreadable(String what, Exception cause) {
        return EemtException.input(location, "cannot read " + what + " (" + cause.getMessage() + ")",
                "download the file again (it may be truncated or corrupt)", cause);
    }

    static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to recover
        }
    }
}
