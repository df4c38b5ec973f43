package org.empreinte.factor;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** A whole YAML file of the library as a tree, its faults told as the library tells them: file, line, what. */
final class YamlFile {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private YamlFile() {
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new FactorFileException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FactorFileException(file, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
