/*
 * consultant.h - the consultant's profile: their name, firm and logo on
 * every report they send, the confidentiality line, the paper size.
 *
 * A small YAML file, by default $XDG_CONFIG_HOME/cto-assess/consultant.yaml
 * ($HOME/.config/... without XDG_CONFIG_HOME), written first by `cto-assess
 * consultant init`.  It is read with yamltree and checked with treecheck,
 * so its mistakes read like a questionnaire's (file:line:col).  The logo is
 * read once, checked by its content (not only its name) and kept as a
 * data: URI for the HTML report, which shows it with <img>, never inline,
 * so that an SVG's scripts cannot run.
 *
 * A struct consultant owns its strings; consultant_release() frees them.
 * Nothing here prints or exits.
 */
#ifndef CTO_CONSULTANT_H
#define CTO_CONSULTANT_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* Profiles and logos larger than these are refused. */
#define CONSULTANT_MAX_FILE_SIZE (64u * 1024)
#define CONSULTANT_LOGO_MAX (256u * 1024)

/* The name the template gives, which `consultant check` warns about. */
#define CONSULTANT_TEMPLATE_NAME "Your Name"

enum paper { PAPER_A4, PAPER_LETTER, PAPER_COUNT };
extern const char *const paper_names[PAPER_COUNT]; /* "a4", "letter" */

struct consultant {
	char *path;            /* the profile, as named in diagnostics */
	char *name;            /* required */
	char *firm;            /* the rest may be NULL */
	char *email;
	char *web;
	char *confidentiality;
	char accent[8];        /* "#rrggbb", or "" for the report's own */
	enum paper paper;
	const char *logo_type; /* "PNG", "JPEG" or "SVG", or NULL */
	char *logo_uri;        /* "data:image/png;base64,...", or NULL */
	size_t logo_size;      /* bytes of the logo file */
};

/*
 * Reads the profile at path into c.  Returns 0, or -1 with every error in
 * diags (c is then empty; consultant_release() is still safe).
 */
int consultant_load(struct consultant *c, const char *path,
		    struct diag_list *diags);

void consultant_release(struct consultant *c);

/*
 * The default profile's path, newly allocated (caller frees):
 * $XDG_CONFIG_HOME/cto-assess/consultant.yaml when XDG_CONFIG_HOME is set
 * to an absolute path, else $HOME/.config/cto-assess/consultant.yaml; NULL
 * when neither is set.
 */
char *consultant_default_path(void);

/* The commented template `cto-assess consultant init` writes. */
extern const char consultant_template[];

/* "Jane Doe, Doe Advisory" or "Jane Doe": plain text. */
void consultant_signature(struct buf *out, const struct consultant *c);

/*
 * "Prepared for Acme by Jane Doe, Doe Advisory", "Prepared by Jane Doe"
 * (no company) or nothing (no profile): plain text for the caller to
 * escape.
 */
void consultant_prepared_line(struct buf *out, const struct consultant *c,
			      const char *company);

#endif
