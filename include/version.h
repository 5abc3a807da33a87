/* version.h - the release of cto-assess. */
#ifndef CTO_VERSION_H
#define CTO_VERSION_H

#define CTO_ASSESS_VERSION "0.1.0"

#endif
