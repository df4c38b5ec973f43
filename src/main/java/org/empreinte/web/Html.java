package org.empreinte.web;

/**
 * Text the server writes into markup by hand: the SVG charts, drawn outside the templates (which escape on
 * their own). Names of organizations, sites and categories reach them, and French puts an apostrophe in many
 * (« l'économie »), so the apostrophe is escaped with the rest: the text is then safe in element content and
 * in attributes quoted either way.
 */
public final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} escaped; null gives the empty string, as an absent label draws nothing. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
