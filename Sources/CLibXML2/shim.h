#ifndef TANDEM_CLIBXML2_SHIM_H
#define TANDEM_CLIBXML2_SHIM_H
// libxml2's encoding.h pulls the system ICU headers in when libxml2 was built with ICU.
// Tandem never touches the ICU-specific converter fields, and those headers clash with
// the ICU that Foundation bundles (UErrorCode defined twice) in any module that sees both.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
