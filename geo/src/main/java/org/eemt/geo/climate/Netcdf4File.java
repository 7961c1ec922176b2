package org.eemt.geo.climate;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.channels.SeekableByteChannel;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.storage.Storage;

/**
 * netCDF-4 files (HDF5 underneath) through jHDF, a pure-Java HDF5 reader: each netCDF variable is
 * an HDF5 dataset at the root, its attributes HDF5 attributes. Slabs are read with jHDF's
 * hyperslab selection, so only the chunks of the climate window are decompressed.
 */
final class Netcdf4File extends NetcdfFile {
    private final HdfFile hdf;

    Netcdf4File(String location, SeekableByteChannel channel) {
        super(location);
        try {
            // jHDF takes the URI's path as a file name: a hierarchical URI on every file system.
            this.hdf = new HdfFile(channel, Storage.path(location).toUri());
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw unreadable("its HDF5 structure", e);
        }
    }

    @Override
    boolean hasVariable(String variable) {
        return child(variable) instanceof Dataset;
    }

    @Override
    java.util.List<String> variables() {
        try {
            return hdf.getChildren().entrySet().stream().filter(e -> e.getValue() instanceof Dataset).map(java.util.Map.Entry::getKey).toList();
        } catch (HdfException e) {
            throw unreadable("its variables", e);
        }
    }

    @Override
    int[] shape(String variable) {
        try {
            return dataset(variable).getDimensions();
        } catch (HdfException e) {
            throw unreadable("the shape of " + variable, e);
        }
    }

    @Override
    Object attribute(String variable, String name) {
        Attribute attribute;
        try {
            attribute = (variable == null ? hdf : dataset(variable)).getAttribute(name);
        } catch (HdfException e) {
            throw unreadable("attribute " + name, e);
        }
        if (attribute == null) {
            return null;
        }
        Object data;
        try {
            data = attribute.getData();
        } catch (HdfException e) {
            throw unreadable("attribute " + name, e);
        }
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] texts) {
            return String.join("", texts);
        }
        if (data instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (data != null && data.getClass().isArray()) {
            double[] values = new double[Array.getLength(data)];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((Number) Array.get(data, i)).doubleValue();
            }
            return values;
        }
        return null;
    }

    @Override
    double[] readAll(String variable) {
        Object flat;
        try {
            flat = dataset(variable).getDataFlat();
        } catch (RuntimeException e) {
            throw unreadable(variable, e);
        }
        double[] out = new double[Array.getLength(flat)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) Array.get(flat, i)).doubleValue();
        }
        return out;
    }

    @Override
    float[] readSlab(String variable, int first, PixelWindow window) {
        float[] out = new float[window.width() * window.height()];
        Object slab;
        try {
            slab = dataset(variable).getData(new long[] {first, window.y0(), window.x0()},
                    new int[] {1, window.height(), window.width()});
        } catch (RuntimeException e) {
            throw unreadable(variable + "[" + first + "] " + window, e);
        }
        Object plane = Array.get(slab, 0);
        for (int r = 0; r < window.height(); r++) {
            Object row = Array.get(plane, r);
            for (int c = 0; c < window.width(); c++) {
                out[r * window.width() + c] = ((Number) Array.get(row, c)).floatValue();
            }
        }
        return out;
    }

    @Override
    public void close() {
        hdf.close();
    }

    private Node child(String variable) {
        try {
            return hdf.getChildren().get(variable);
        } catch (HdfException e) {
            throw unreadable("its variables", e);
        }
    }

    private Dataset dataset(String variable) {
        Node node = child(variable);
        if (!(node instanceof Dataset d)) {
            throw new IllegalArgumentException("no variable " + variable + " in " + location);
        }
        return d;
    }
}
