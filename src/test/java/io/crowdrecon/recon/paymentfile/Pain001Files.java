package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Checks a built pain.001 file as the bank would: against its official schema, then read back with XPath. */
final class Pain001Files {

    private Pain001Files() {}

    /** Fails unless {@code file} is valid against the schema of {@code version} (src/test/resources/xsd). */
    static void validate(Pain001Version version, byte[] file) throws Exception {
        validate(version, new StreamSource(new ByteArrayInputStream(file)));
    }

    /** As {@link #validate(Pain001Version, byte[])}, reading the file as a stream: a large file is never whole in the heap. */
    static void validate(Pain001Version version, java.nio.file.Path file) throws Exception {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            validate(version, new StreamSource(in));
        }
    }

    private static void validate(Pain001Version version, StreamSource file) throws Exception {
        String name = version == Pain001Version.V09 ? "pain.001.001.09.xsd" : "pain.001.001.03.xsd";
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try (InputStream xsd = Pain001Files.class.getResourceAsStream("/xsd/" + name)) {
            assertThat(xsd).as(name).isNotNull();
            Validator validator = factory.newSchema(new StreamSource(xsd)).newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(file);
        }
    }

    /** Parsed without namespaces, so that the XPaths read the same for both versions. */
    static Document parse(byte[] file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
    }

    static String text(Document document, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
    }

    static List<String> texts(Document document, String xpath) throws Exception {
        NodeList nodes =
                (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
