package org.empreinte;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Fills a downloaded template as a person would in a spreadsheet: rows typed under its header in the sheet to
 * fill, everything else (instructions, lists, drop-downs) left as it was. fastexcel writes workbooks but does not
 * edit them, so the rows go into the sheet's XML: text as inline strings, numbers as numbers.
 */
public final class TemplateFill {

    private TemplateFill() {
    }

    public static byte[] fill(byte[] template, List<List<Object>> rows) {
        // Read through the central directory: fastexcel's entries leave their sizes to it, which ZipInputStream refuses.
        try {
            Path file = Files.createTempFile("template", ".xlsx");
            Files.write(file, template);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] content = in.getInputStream(entry).readAllBytes();
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        int end = xml.indexOf("</sheetData>");
                        content = (xml.substring(0, end) + rows(rows) + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            Files.delete(file);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rows(List<List<Object>> rows) {
        StringBuilder xml = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            int number = r + 2;
            xml.append("<row r=\"").append(number).append("\">");
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value == null) {
                    continue;
                }
                String ref = (char) ('A' + c) + String.valueOf(number);
                if (value instanceof Number n) {
                    xml.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                } else {
                    xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(value.toString()
                            .replace("&", "&amp;").replace("<", "&lt;")).append("</t></is></c>");
                }
            }
            xml.append("</row>");
        }
        return xml.toString();
    }
}
