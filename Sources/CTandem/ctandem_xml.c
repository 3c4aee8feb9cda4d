// libxml2's reader API, loaded on first use.
//
// libxml2 (with ICU, zlib and liblzma behind it) costs ~1.3 ms at every exec when
// linked. Most agent invocations never parse XML, so the few reader functions Tandem
// uses are looked up with dlopen/dlsym when the first reader is created.
#include "ctandem_xml.h"

#include <dlfcn.h>
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED  // see Sources/CLibXML2/shim.h
#include <libxml/xmlreader.h>

static struct {
    xmlTextReaderPtr (*reader_for_memory)(const char *, int, const char *, const char *, int);
    void (*free_text_reader)(xmlTextReaderPtr);
    int (*read)(xmlTextReaderPtr);
    int (*node_type)(xmlTextReaderPtr);
    int (*depth)(xmlTextReaderPtr);
    int (*is_empty_element)(xmlTextReaderPtr);
    int (*move_to_element)(xmlTextReaderPtr);
    int (*move_to_next_attribute)(xmlTextReaderPtr);
    int (*get_parser_line_number)(xmlTextReaderPtr);
    const xmlChar *(*const_local_name)(xmlTextReaderPtr);
    const xmlChar *(*const_value)(xmlTextReaderPtr);
    void (*set_structured_error_handler)(xmlTextReaderPtr, xmlStructuredErrorFunc, void *);
} xml;

#define CTANDEM_XML_LOOKUP(field, symbol) \
    (*(void **)(&xml.field) = dlsym(handle, symbol)) != NULL

int ctandem_xml_load(void)
{
    static int loaded = 0;
    if (loaded) {
        return loaded > 0 ? 0 : -1;
    }
    void *handle = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        handle = dlopen("libxml2.so", RTLD_NOW | RTLD_LOCAL);
    }
    int complete = handle != NULL
        && CTANDEM_XML_LOOKUP(reader_for_memory, "xmlReaderForMemory")
        && CTANDEM_XML_LOOKUP(free_text_reader, "xmlFreeTextReader")
        && CTANDEM_XML_LOOKUP(read, "xmlTextReaderRead")
        && CTANDEM_XML_LOOKUP(node_type, "xmlTextReaderNodeType")
        && CTANDEM_XML_LOOKUP(depth, "xmlTextReaderDepth")
        && CTANDEM_XML_LOOKUP(is_empty_element, "xmlTextReaderIsEmptyElement")
        && CTANDEM_XML_LOOKUP(move_to_element, "xmlTextReaderMoveToElement")
        && CTANDEM_XML_LOOKUP(move_to_next_attribute, "xmlTextReaderMoveToNextAttribute")
        && CTANDEM_XML_LOOKUP(get_parser_line_number, "xmlTextReaderGetParserLineNumber")
        && CTANDEM_XML_LOOKUP(const_local_name, "xmlTextReaderConstLocalName")
        && CTANDEM_XML_LOOKUP(const_value, "xmlTextReaderConstValue")
        && CTANDEM_XML_LOOKUP(set_structured_error_handler, "xmlTextReaderSetStructuredErrorHandler");
    loaded = complete ? 1 : -1;
    return complete ? 0 : -1;
}

xmlTextReaderPtr ctandem_xmlReaderForMemory(const char *buffer, int size, int options)
{
    return ctandem_xml_load() == 0 ? xml.reader_for_memory(buffer, size, NULL, NULL, options) : NULL;
}

// The rest are only reachable with a reader, i.e. after a successful load.
void ctandem_xmlFreeTextReader(xmlTextReaderPtr reader) { xml.free_text_reader(reader); }
int ctandem_xmlTextReaderRead(xmlTextReaderPtr reader) { return xml.read(reader); }
int ctandem_xmlTextReaderNodeType(xmlTextReaderPtr reader) { return xml.node_type(reader); }
int ctandem_xmlTextReaderDepth(xmlTextReaderPtr reader) { return xml.depth(reader); }
int ctandem_xmlTextReaderIsEmptyElement(xmlTextReaderPtr reader) { return xml.is_empty_element(reader); }
int ctandem_xmlTextReaderMoveToElement(xmlTextReaderPtr reader) { return xml.move_to_element(reader); }
int ctandem_xmlTextReaderMoveToNextAttribute(xmlTextReaderPtr reader) { return xml.move_to_next_attribute(reader); }
int ctandem_xmlTextReaderGetParserLineNumber(xmlTextReaderPtr reader) { return xml.get_parser_line_number(reader); }
const xmlChar *ctandem_xmlTextReaderConstLocalName(xmlTextReaderPtr reader) { return xml.const_local_name(reader); }
const xmlChar *ctandem_xmlTextReaderConstValue(xmlTextReaderPtr reader) { return xml.const_value(reader); }
void ctandem_xmlTextReaderSetStructuredErrorHandler(xmlTextReaderPtr reader, xmlStructuredErrorFunc handler, void *context)
{
    xml.set_structured_error_handler(reader, handler, context);
}
