package org.eemt.job.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A Zeppelin note ({@code .zpln}, Zeppelin 0.9+ JSON) and its paragraphs, with the interpreter each one names. */
record ZeppelinNote(Path file, String name, String defaultInterpreterGroup, List<Paragraph> paragraphs) {

    /** A paragraph: its interpreter ({@code spark}, {@code md}, {@code spark.conf}, ...) and the code after the directive. */
    record Paragraph(int number, String id, String interpreter, String code) {
        /** True for the Scala paragraphs of Zeppelin's Spark interpreter ({@code %spark}, {@code %spark.spark}). */
        boolean isSparkScala() {
            return interpreter.equals("spark") || interpreter.equals("spark.spark");
        }
    }

    static ZeppelinNote read(Path file) throws IOException {
        JsonNode note = new ObjectMapper().readTree(file.toFile());
        String group = note.path("defaultInterpreterGroup").asText("spark");
        List<Paragraph> paragraphs = new ArrayList<>();
        for (JsonNode p : note.path("paragraphs")) {
            String text = p.path("text").asText("");
            String interpreter = group;
            String code = text;
            String trimmed = text.stripLeading();
            if (trimmed.startsWith("%")) {
                int end = 1;
                while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
                    end++;
                }
                interpreter = trimmed.substring(1, end);
                code = trimmed.substring(end);
            }
            paragraphs.add(new Paragraph(paragraphs.size() + 1, p.path("id").asText(), interpreter, code));
        }
        return new ZeppelinNote(file, note.path("name").asText(), group, paragraphs);
    }

    /** The notes of a directory in file-name order. */
    static List<ZeppelinNote> all(Path directory) throws IOException {
        List<ZeppelinNote> notes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".zpln")).sorted().toList()) {
                notes.add(read(f));
            }
        }
        return notes;
    }
}
