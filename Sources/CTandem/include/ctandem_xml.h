// libxml2's reader functions that Tandem uses, forwarded to a libxml2 loaded on first
// use (see ctandem_xml.c). Same signatures as libxml2's, prefixed ctandem_.
#ifndef CTANDEM_XML_H
#define CTANDEM_XML_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED  // see Sources/CLibXML2/shim.h
#include <libxml/xmlreader.h>

/// 0 when libxml2 is loaded (loading it on the first call), -1 when it cannot be.
int ctandem_xml_load(void);
/// xmlReaderForMemory without URL and encoding; NULL when libxml2 cannot be loaded.
xmlTextReaderPtr ctandem_xmlReaderForMemory(const char *buffer, int size, int options);
void ctandem_xmlFreeTextReader(xmlTextReaderPtr reader);
int ctandem_xmlTextReaderRead(xmlTextReaderPtr reader);
int ctandem_xmlTextReaderNodeType(xmlTextReaderPtr reader);
int ctandem_xmlTextReaderDepth(xmlTextReaderPtr reader);
int ctandem_xmlTextReaderIsEmptyElement(xmlTextReaderPtr reader);
int ctandem_xmlTextReaderMoveToElement(xmlTextReaderPtr reader);
int ctandem_xmlTextReaderMoveToNextAttribute(xmlTextReaderPtr reader);
int ctandem_xmlTextReaderGetParserLineNumber(xmlTextReaderPtr reader);
const xmlChar *ctandem_xmlTextReaderConstLocalName(xmlTextReaderPtr reader);
const xmlChar *ctandem_xmlTextReaderConstValue(xmlTextReaderPtr reader);
void ctandem_xmlTextReaderSetStructuredErrorHandler(xmlTextReaderPtr reader, xmlStructuredErrorFunc handler,
                                                    void *context);

#endif
