package org.eemt.job.stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.eemt.geo.storage.Storage;
import org.eemt.job.outputs.ProductStore;

/**
 * A value one stage hands to another that is not a raster product: written by its stage on the
 * driver into the run's work directory (Java serialization, exact), read there by the stages that
 * declare it in {@link Stage#readsWork()}, never published, removed with the work tiles at the end
 * of the run. The pipeline orders and checks stages by these declarations as by their products.
 *
 * @param name        file name in the run's work directory
 * @param type        the type of the value
 * @param description what it holds
 * @param <T>         the type of the value
 */
public record WorkFile<T extends Serializable>(String name, Class<T> type, String description) implements Serializable {

    /** Writes {@code value} into the work directory of {@code store}'s run. */
    public void write(ProductStore store, T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        Storage.writeAtomically(store.workLocation(name), bytes.toByteArray());
    }

    /** Reads the value the writing stage left in the work directory of {@code store}'s run. */
    public T read(ProductStore store) throws IOException {
        try (InputStream in = Storage.open(store.workLocation(name)); ObjectInputStream objects = new ObjectInputStream(in)) {
            return type.cast(objects.readObject());
        } catch (ClassNotFoundException e) {
            throw new IOException(store.workLocation(name) + ": " + e.getMessage(), e);
        }
    }
}
