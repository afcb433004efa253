package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A forward-only walk over the elements of an XML stream, one element at a time, on the JDK's own StAX parser. It
 * refuses any DOCTYPE and never resolves an entity, and turns every parser error into an
 * {@link UnreadableBankFileException} that says what and where.
 *
 * <p>The walk is by children: positioned on an element's start, {@link #nextChild()} moves to each child's start in
 * turn and returns false on the element's end; a child is then read as text ({@link #text()}), walked in turn, or
 * {@link #skip() skipped}, each of which leaves the cursor on the child's end.
 */
final class XmlCursor implements AutoCloseable {

    private final XMLStreamReader reader;

    private XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    /** A cursor over {@code in}, before its first event; the encoding comes from the BOM or the XML declaration. */
    static XmlCursor over(InputStream in) {
        // newDefaultFactory: the JDK's parser whatever StAX implementation is on the classpath, so these settings hold.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            return new XmlCursor(factory.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /**
     * Moves to the root element's start, past the XML declaration, comments and processing instructions.
     *
     * @throws UnreadableBankFileException on a DOCTYPE, malformed XML or a document without an element
     */
    void toRoot() {
        while (advance() != XMLStreamConstants.START_ELEMENT) {
            if (reader.getEventType() == XMLStreamConstants.END_DOCUMENT) {
                throw new UnreadableBankFileException("the XML holds no element");
            }
        }
    }

    /**
     * Moves to the start of the current element's next child.
     *
     * @return true on a child's start; false on the current element's own end
     */
    boolean nextChild() {
        while (true) {
            switch (advance()) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                    return false;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new UnreadableBankFileException("the XML ends inside an element");
                default:
                    // text between elements, comments, processing instructions
            }
        }
    }

    /** The local name of the element the cursor is on, whatever its namespace prefix. */
    String localName() {
        return reader.getLocalName();
    }

    /** The namespace URI of the element the cursor is on; empty when it has none. */
    String namespace() {
        String uri = reader.getNamespaceURI();
        return uri == null ? "" : uri;
    }

    /** The value of the current element's attribute {@code localName} (in no namespace), or null. */
    @Nullable
    String attribute(String localName) {
        return reader.getAttributeValue(null, localName);
    }

    /** The line of the current event, counted from 1. */
    int line() {
        return reader.getLocation().getLineNumber();
    }

    /**
     * The text of the current element, without the XML whitespace (space, tab, CR, LF) around it; null when nothing is
     * left. Leaves the cursor on the element's end.
     *
     * @throws UnreadableBankFileException if the element holds an element where text belongs
     */
    @Nullable
    String text() {
        String name = reader.getLocalName();
        int line = line();
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (advance()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return trimXmlWhitespace(text);
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw new UnreadableBankFileException("line " + line + ": " + name + " holds an element ("
                            + reader.getLocalName() + ") where text belongs");
                default -> {
                    // comments and processing instructions inside text
                }
            }
        }
    }

    /**
     * The code of the current element, written as its text ({@code <Sts>BOOK</Sts>}) or as a choice of {@code Cd} and
     * {@code Prtry} ({@code <Sts><Cd>BOOK</Cd></Sts>}); null when it gives neither. Leaves the cursor on the element's
     * end.
     */
    @Nullable
    String code() {
        StringBuilder own = new StringBuilder();
        String code = null;
        while (true) {
            switch (advance()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    own.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> {
                    String child = reader.getLocalName();
                    if (code == null && ("Cd".equals(child) || "Prtry".equals(child))) {
                        code = text();
                    } else {
                        skip();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return code != null ? code : trimXmlWhitespace(own);
                }
                default -> {
                    // comments and processing instructions
                }
            }
        }
    }

    /** Skips the current element and everything in it, leaving the cursor on its end. */
    void skip() {
        int depth = 1;
        while (depth > 0) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * Reads on to the end of the document, so that a truncated or otherwise broken tail is found.
     *
     * @throws UnreadableBankFileException if anything but comments, processing instructions and whitespace follows
     */
    void toEnd() {
        while (advance() != XMLStreamConstants.END_DOCUMENT) {
            // the parser itself refuses a second root element or a missing end tag
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // closing a parser only releases its buffers; nothing left to report
        }
    }

    private int advance() {
        try {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new UnreadableBankFileException("DOCTYPE is not allowed: crowdrecon reads no DTD and resolves no"
                        + " entity (line " + line() + ")");
            }
            return event;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static UnreadableBankFileException malformed(XMLStreamException e) {
        // The parser wraps the input's own failures too; an undecodable byte (CharConversionException) is content.
        if (e.getNestedException() instanceof IOException failure && !(failure instanceof CharConversionException)) {
            return new UnreadableBankFileException("the file could not be read: " + failure.getMessage(), failure);
        }
        Location location = e.getLocation();
        String where = location == null
                ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return new UnreadableBankFileException("malformed XML" + where + ": " + parserMessage(e), e);
    }

    // The JDK parser prefixes its message with "ParseError at [row,col]:[l,c]\nMessage: "; the position is given apart.
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    private static @Nullable String trimXmlWhitespace(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && isXmlWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isXmlWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : text.subSequence(start, end).toString();
    }

    private static boolean isXmlWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
