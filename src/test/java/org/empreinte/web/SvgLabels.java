package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A label with every character markup must escape, and the checks each server-drawn chart must pass with it. */
public final class SvgLabels {

    /** An apostrophe as in most French labels, and the four other characters HTML and XML reserve. */
    public static final String LABEL = "l'économie <\"A&B\">";
    public static final String ESCAPED = "l&#39;économie &lt;&quot;A&amp;B&quot;&gt;";

    private SvgLabels() {
    }

    /**
     * The chart holds the label only escaped, {@code times} times (so none went in raw), and reads back as XML
     * with the label intact in its title and texts.
     */
    public static void assertEscaped(String svg, int times) throws Exception {
        assertThat(svg).doesNotContain("'").doesNotContain("<\"").doesNotContain("A&B");
        assertThat(occurrences(svg, ESCAPED)).as("escaped labels").isEqualTo(times);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("aria-label")).isEqualTo(LABEL);
        List<String> texts = new ArrayList<>();
        for (String tag : List.of("title", "text")) {
            NodeList nodes = root.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
        }
        // every one but the aria-label, an attribute, is in a title or a text
        assertThat(occurrences(String.join("\n", texts), LABEL)).as("labels read back").isEqualTo(times - 1);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
