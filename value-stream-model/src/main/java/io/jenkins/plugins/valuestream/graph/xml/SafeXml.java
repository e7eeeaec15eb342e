package io.jenkins.plugins.valuestream.graph.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The StAX factory for Jenkins' XML files. Build records come from disk, and a build folder can hold anything, so
 * document type declarations are never processed and no external entity, DTD or schema is ever fetched: an entity
 * that a file declares for itself is reported as undeclared and the file is refused.
 *
 * <p>The JDK's parser reads XML 1.1 (what Jenkins writes since 2.105) including its character references such as
 * {@code &#x1b;}, so no other parser is needed.
 */
final class SafeXml {
    private SafeXml() {
    }

    static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " is not read");
        });
        return factory;
    }

    private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
        if (factory.isPropertySupported(property)) {
            try {
                factory.setProperty(property, value);
            } catch (IllegalArgumentException unsupported) {
                // A parser without this property has no external access to switch off.
            }
        }
    }
}
