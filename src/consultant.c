/*
 * consultant.c - reading the consultant's profile and its logo.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "consultant.h"
#include "fileio.h"
#include "treecheck.h"
#include "util.h"
#include "yamltree.h"

const char *const paper_names[PAPER_COUNT] = { "a4", "letter" };

static const struct key_spec profile_keys[] = {
	{ "name", 1 }, { "firm", 0 }, { "email", 0 }, { "web", 0 },
	{ "logo", 0 }, { "accent", 0 }, { "confidentiality", 0 },
	{ "paper", 0 },
};

const char consultant_template[] =
	"# Your consultant profile for cto-assess: your name on every report\n"
	"# you send.  'cto-assess run' and 'cto-assess report' read this file\n"
	"# when it exists; --consultant FILE reads another, --no-consultant\n"
	"# none.  Check it with 'cto-assess consultant check'.  See\n"
	"# cto-assess(1), CONSULTANT PROFILE.\n"
	"\n"
	"# Your name, as every report shows it: \"Prepared for Acme by NAME,\n"
	"# FIRM\".  Required.\n"
	"name: " CONSULTANT_TEMPLATE_NAME "\n"
	"\n"
	"# Your firm or practice.\n"
	"#firm: Your Firm Ltd\n"
	"\n"
	"# How the client reaches you, under your name on the cover.\n"
	"#email: you@example.com\n"
	"#web: example.com\n"
	"\n"
	"# Your logo on the cover of the HTML report: a PNG, JPEG or SVG file of\n"
	"# at most 256 KiB, relative to this file.\n"
	"#logo: logo.svg\n"
	"\n"
	"# The colour of the HTML report's headings and rules, as \"#rrggbb\"\n"
	"# (quoted: YAML reads an unquoted # as a comment).\n"
	"#accent: \"#1f5fbf\"\n"
	"\n"
	"# A line at the top of every report and of every printed page.\n"
	"confidentiality: Confidential. Prepared for the named client only.\n"
	"\n"
	"# The paper the HTML report prints on: a4 or letter.\n"
	"paper: a4\n";

/* ---- the logo ---------------------------------------------------------------- */

/* What a logo file is, from its first bytes. */
static const char *logo_kind(const unsigned char *p, size_t n)
{
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n";
	const char *text = (const char *)p;
	size_t i = 0, window;

	if (n >= 8 && !memcmp(p, png, 8))
		return "PNG";
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return "JPEG";
	if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < n && isspace(p[i]))
		i++;
	if (i >= n || p[i] != '<')
		return NULL;
	/* An XML declaration or comment may come first: look for the svg
	 * element in the first few kilobytes, as file(1) does. */
	window = n < 4096 ? n : 4096;
	for (; i + 4 <= window; i++)
		if (!memcmp(text + i, "<svg", 4))
			return "SVG";
	return NULL;
}

/* The kind a logo's name promises, from its extension, or NULL. */
static const char *logo_kind_of_name(const char *name)
{
	static const struct {
		const char *ext, *kind;
	} exts[] = {
		{ ".png", "PNG" }, { ".jpg", "JPEG" }, { ".jpeg", "JPEG" },
		{ ".svg", "SVG" },
	};
	const char *dot = strrchr(name, '.');
	size_t i, k;
	char low[8];

	if (!dot || strlen(dot) >= sizeof(low))
		return NULL;
	for (k = 0; dot[k]; k++)
		low[k] = (char)tolower((unsigned char)dot[k]);
	low[k] = '\0';
	for (i = 0; i < ARRAY_SIZE(exts); i++)
		if (!strcmp(low, exts[i].ext))
			return exts[i].kind;
	return NULL;
}

/* "a PNG", "a JPEG", "an SVG". */
static const char *article(const char *kind)
{
	return kind[0] == 'S' ? "an" : "a";
}

static const char *mime_type(const char *kind)
{
	if (!strcmp(kind, "PNG"))
		return "image/png";
	return !strcmp(kind, "JPEG") ? "image/jpeg" : "image/svg+xml";
}

static void add_base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		buf_addc(out, digits[p[i] >> 2]);
		buf_addc(out, digits[((p[i] & 3) << 4) | (p[i + 1] >> 4)]);
		buf_addc(out, digits[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)]);
		buf_addc(out, digits[p[i + 2] & 63]);
	}
	if (n - i == 1) {
		buf_addc(out, digits[p[i] >> 2]);
		buf_addc(out, digits[(p[i] & 3) << 4]);
		buf_adds(out, "==");
	} else if (n - i == 2) {
		buf_addc(out, digits[p[i] >> 2]);
		buf_addc(out, digits[((p[i] & 3) << 4) | (p[i + 1] >> 4)]);
		buf_addc(out, digits[(p[i + 1] & 15) << 2]);
		buf_addc(out, '=');
	}
}

/* The logo's path: as written when absolute, else beside the profile. */
static char *logo_path(const char *profile, const char *name)
{
	const char *slash = strrchr(profile, '/');
	struct buf path = BUF_INIT;

	if (name[0] != '/' && slash)
		buf_add(&path, profile, (size_t)(slash - profile + 1));
	buf_adds(&path, name);
	return buf_detach(&path, NULL);
}

/* Reads and checks the logo named at node n; reports what is wrong. */
static void load_logo(struct consultant *c, const struct tree_check *tc,
		      const struct ynode *n)
{
	const char *promised = logo_kind_of_name(n->text), *kind;
	char *path = logo_path(c->path, n->text);
	struct buf data = BUF_INIT, err = BUF_INIT, uri = BUF_INIT;

	if (!promised) {
		tree_error(tc, n, "logo '%s' must be a PNG, JPEG or SVG file "
			   "(.png, .jpg, .jpeg or .svg)", n->text);
	} else if (file_read_all(path, CONSULTANT_LOGO_MAX, &data, &err) < 0) {
		tree_error(tc, n, "logo: %s", err.data);
	} else if (!(kind = logo_kind((const unsigned char *)data.data,
				      data.len))) {
		tree_error(tc, n, "logo '%s' is not %s %s image (its content "
			   "is not an image cto-assess knows)", n->text,
			   article(promised), promised);
	} else if (strcmp(kind, promised)) {
		tree_error(tc, n, "logo '%s' is not %s %s image (its content "
			   "is %s)", n->text, article(promised), promised, kind);
	} else {
		buf_addf(&uri, "data:%s;base64,", mime_type(kind));
		add_base64(&uri, (const unsigned char *)data.data, data.len);
		c->logo_uri = buf_detach(&uri, NULL);
		c->logo_type = kind;
		c->logo_size = data.len;
	}
	free(path);
	buf_release(&data);
	buf_release(&err);
	buf_release(&uri);
}

/* ---- the profile ------------------------------------------------------------ */

/* "#1f5fbf" or "#15b" into "#1f5fbf"; -1 when s is not such a colour. */
static int parse_colour(const char *s, char out[8])
{
	size_t n = strlen(s), i;

	if (s[0] != '#' || (n != 4 && n != 7))
		return -1;
	for (i = 1; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return -1;
	out[0] = '#';
	for (i = 0; i < 6; i++)
		out[i + 1] = (char)tolower((unsigned char)
					   s[n == 4 ? 1 + i / 2 : 1 + i]);
	out[7] = '\0';
	return 0;
}

static void load_accent(struct consultant *c, const struct tree_check *tc,
			const struct ynode *root)
{
	const struct ynode *n = ynode_get(root, "accent");

	if (!n)
		return;
	if (ynode_is_empty(n))
		tree_error(tc, ynode_get_key(root, "accent"), "'accent' is "
			   "empty: quote a colour, as YAML reads an unquoted "
			   "# as a comment (accent: \"#1f5fbf\")");
	else if (n->kind != YNODE_SCALAR || parse_colour(n->text,
							 c->accent) < 0)
		tree_error(tc, n, "'accent' must be a colour written "
			   "\"#rrggbb\" or \"#rgb\", such as \"#1f5fbf\"");
}

static void load_fields(struct consultant *c, const struct tree_check *tc,
			const struct ynode *root)
{
	static const char what[] = "the consultant profile";
	const struct ynode *logo;
	int paper;

	tree_check_keys(tc, root, profile_keys, ARRAY_SIZE(profile_keys),
			what);
	c->name = tree_get_text(tc, root, "name", what);
	c->firm = tree_get_text(tc, root, "firm", what);
	c->email = tree_get_text(tc, root, "email", what);
	c->web = tree_get_text(tc, root, "web", what);
	c->confidentiality = tree_get_text(tc, root, "confidentiality", what);
	paper = tree_get_enum(tc, root, "paper", paper_names, PAPER_COUNT,
			      PAPER_A4);
	c->paper = paper < 0 ? PAPER_A4 : (enum paper)paper;
	load_accent(c, tc, root);
	logo = tree_value(root, "logo");
	if (logo && logo->kind == YNODE_SCALAR && ynode_is_string(logo))
		load_logo(c, tc, logo);
	else if (logo)
		tree_error(tc, logo, "'logo' must be a file name");
	if (!c->name && ynode_get_key(root, "name"))
		tree_error(tc, ynode_get_key(root, "name"), "'name' of %s "
			   "must not be empty", what);
	else if (c->name && !strcmp(c->name, CONSULTANT_TEMPLATE_NAME))
		tree_warning(tc, tree_value(root, "name"), "'name' is still "
			     "the template's '%s': reports would say "
			     "\"Prepared by %s\"", c->name, c->name);
}

int consultant_load(struct consultant *c, const char *path,
		    struct diag_list *diags)
{
	struct yaml_tree tree;
	struct tree_check tc;
	size_t errors = diags->errors;
	int ret = -1;

	memset(c, 0, sizeof(*c));
	memset(&tree, 0, sizeof(tree));
	c->path = xstrdup(path);
	tc.diags = diags;
	tc.file = c->path;
	if (yaml_tree_load(&tree, path, CONSULTANT_MAX_FILE_SIZE, diags) < 0)
		goto out;
	if (!tree.root)
		diag_add(diags, DIAG_ERROR, path, 1, 1, "file is empty "
			 "(expected a consultant profile with at least "
			 "'name')");
	else if (tree_expect_kind(&tc, tree.root, YNODE_MAPPING,
				  "a consultant profile") == 0)
		load_fields(c, &tc, tree.root);
	if (diags->errors == errors)
		ret = 0;
out:
	yaml_tree_release(&tree);
	if (ret < 0)
		consultant_release(c);
	return ret;
}

void consultant_release(struct consultant *c)
{
	free(c->path);
	free(c->name);
	free(c->firm);
	free(c->email);
	free(c->web);
	free(c->confidentiality);
	free(c->logo_uri);
	memset(c, 0, sizeof(*c));
}

char *consultant_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct buf path = BUF_INIT;

	/* The XDG base directory spec ignores a relative XDG_CONFIG_HOME. */
	if (xdg && xdg[0] == '/')
		buf_addf(&path, "%s/cto-assess/consultant.yaml", xdg);
	else if (home && *home)
		buf_addf(&path, "%s/.config/cto-assess/consultant.yaml", home);
	else
		return NULL;
	return buf_detach(&path, NULL);
}

void consultant_signature(struct buf *out, const struct consultant *c)
{
	buf_adds(out, c->name);
	if (c->firm)
		buf_addf(out, ", %s", c->firm);
}

void consultant_prepared_line(struct buf *out, const struct consultant *c,
			      const char *company)
{
	if (!c)
		return;
	buf_adds(out, "Prepared");
	if (company)
		buf_addf(out, " for %s", company);
	buf_adds(out, " by ");
	consultant_signature(out, c);
}
