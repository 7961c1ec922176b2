package org.eemt.geo.climate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Small netCDF-4 files made with ncgen for the bad-climate matrix: too few months, another CRS. */
final class BadClimateFiles {
    private BadClimateFiles() {
    }

    /**
     * A 2x2 tmax file of 2000 on Daymet's grid near the sample DEM with {@code months} time steps
     * (mid-month, days since 1950-01-01) and a grid mapping called {@code gridMappingName}.
     */
    static Path netcdf(Path dir, String name, int months, String gridMappingName) throws IOException, InterruptedException {
        StringBuilder time = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int m = 0; m < months; m++) {
            long midMonth = java.time.LocalDate.of(2000, m + 1, 15).toEpochDay() - java.time.LocalDate.of(1950, 1, 1).toEpochDay();
            time.append(m == 0 ? "" : ", ").append(midMonth);
            values.append(m == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d, %d, %d, %d", m, m + 1, m + 2, m + 3));
        }
        String cdl = "netcdf bad {\n"
                + "dimensions:\n time = " + months + " ;\n y = 2 ;\n x = 2 ;\n"
                + "variables:\n"
                + " float x(x) ;\n  x:units = \"m\" ;\n"
                + " float y(y) ;\n  y:units = \"m\" ;\n"
                + " double time(time) ;\n  time:units = \"days since 1950-01-01 00:00:00\" ;\n"
                + " short lambert_conformal_conic ;\n"
                + "  lambert_conformal_conic:grid_mapping_name = \"" + gridMappingName + "\" ;\n"
                + "  lambert_conformal_conic:longitude_of_central_meridian = -100. ;\n"
                + "  lambert_conformal_conic:latitude_of_projection_origin = 42.5 ;\n"
                + "  lambert_conformal_conic:standard_parallel = 25., 60. ;\n"
                + " float tmax(time, y, x) ;\n  tmax:_FillValue = -9999.f ;\n  tmax:units = \"degrees C\" ;\n"
                + "  tmax:grid_mapping = \"lambert_conformal_conic\" ;\n"
                + "data:\n x = -576250, -575250 ;\n y = -688000, -689000 ;\n"
                + " time = " + time + " ;\n lambert_conformal_conic = 0 ;\n tmax = " + values + " ;\n}\n";
        Path cdlFile = Files.writeString(dir.resolve(name + ".cdl"), cdl);
        Path out = dir.resolve(name);
        Fixtures.run("ncgen", "-k", "nc4", "-o", out.toString(), cdlFile.toString());
        return out;
    }
}
