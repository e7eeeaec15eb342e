package io.jenkins.plugins.valuestream.view;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Rendered SVG or XHTML parsed as XML (which also proves it well-formed), with XPath look-ups. Parsed without
 * namespaces, so that paths read {@code //svg/g} rather than with prefixes.
 */
public final class ParsedXml {
    private static final ThreadLocal<javax.xml.xpath.XPath> XPATH = ThreadLocal.withInitial(
            () -> XPathFactory.newInstance().newXPath());

    private final Document document;

    private ParsedXml(Document document) {
        this.document = document;
    }

    public static ParsedXml parse(String markup) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return new ParsedXml(factory.newDocumentBuilder().parse(new InputSource(new StringReader(markup))));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** An XPath predicate: the element has the class. */
    public static String hasClass(String name) {
        return "contains(concat(' ', normalize-space(@class), ' '), ' " + name + " ')";
    }

    public List<Element> elements(String xpath) {
        return elements(document, xpath);
    }

    public static List<Element> elements(Node context, String xpath) {
        try {
            NodeList nodes = (NodeList) XPATH.get().evaluate(xpath, context,
                    XPathConstants.NODESET);
            List<Element> result = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                result.add((Element) nodes.item(i));
            }
            return result;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    public Element element(String xpath) {
        List<Element> found = elements(xpath);
        if (found.size() != 1) {
            throw new AssertionError("Expected one element at " + xpath + ", found " + found.size());
        }
        return found.get(0);
    }

    public String text(String xpath) {
        return element(xpath).getTextContent();
    }

    public List<String> texts(String xpath) {
        return elements(xpath).stream().map(Element::getTextContent).toList();
    }

    /** All text of the document, as a reader (or a screen reader) would get it. */
    public String allText() {
        return document.getDocumentElement().getTextContent();
    }

    public Document document() {
        return document;
    }
}
