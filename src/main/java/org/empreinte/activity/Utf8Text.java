package org.empreinte.activity;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of an uploaded file, which must be UTF-8: decoded strictly, and where it is not, the line that is not. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** UTF-8 text, a leading byte-order mark dropped; bytes that are not UTF-8 stop the reading instead of becoming '?'. */
    static Reader reader(InputStream bytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(bytes);
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /**
     * The line (from 1) holding the first bytes that are not UTF-8, or 0 when all are. The reader decodes
     * ahead of the rows it parses, so this second pass is what can say where.
     */
    public static long firstLineNotUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer chars = CharBuffer.allocate(chunk.length);
        long line = 1;
        while (true) {
            int read = in.read(chunk);
            boolean end = read < 0;
            if (!end) {
                bytes.put(chunk, 0, read);
            }
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                int from = bytes.position();
                result = decoder.decode(bytes, chars, end);
                // A newline byte is never part of a longer UTF-8 sequence: counting bytes counts lines.
                for (int i = from; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
            } while (result.isOverflow());
            if (end) {
                return 0;
            }
            bytes.compact();
        }
    }
}
