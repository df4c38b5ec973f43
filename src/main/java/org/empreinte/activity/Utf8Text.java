package org.empreinte.activity;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file: UTF-8, decoded strictly, and where it is not, the line that is not; or, for a file
 * that is not UTF-8, Windows-1252, which Excel writes when told "CSV" on a French Windows.
 */
final class Utf8Text {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

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
     * Text in another character set (Windows-1252), decoded strictly. Any byte decodes to some character there, so
     * control characters other than tab and line ends, which no spreadsheet writes, are what tells a binary file
     * (a zip, an image) from text, and refuse it as undecodable.
     */
    static Reader reader(InputStream bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new FilterReader(new InputStreamReader(bytes, decoder)) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                return c < 0 ? c : (char) check((char) c);
            }

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                for (int i = offset; i < offset + read; i++) {
                    check(buffer[i]);
                }
                return read;
            }

            private char check(char c) throws MalformedInputException {
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                    throw new MalformedInputException(1);
                }
                return c;
            }
        };
    }

    /** True when every byte of the stream is UTF-8. */
    static boolean isUtf8(InputStream in) throws IOException {
        return firstLineNotUtf8(in) == 0;
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
