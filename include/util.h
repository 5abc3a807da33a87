/*
 * util.h - allocation that cannot fail, and small helpers shared by every
 * layer of cto-assess.
 *
 * The x* allocators never return NULL: on out-of-memory they print a message
 * and exit with EXIT_SOFTWARE-like status 70, so call sites stay readable.
 * Memory they return is owned by the caller and released with free().
 */
#ifndef CTO_UTIL_H
#define CTO_UTIL_H

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Exit codes, documented in cto-assess(1). */
enum {
	EXIT_OK = 0,
	EXIT_FAILURE_GENERIC = 1, /* an operation failed (I/O, refused overwrite) */
	EXIT_USAGE = 2,           /* bad command line */
	EXIT_INVALID_INPUT = 3,   /* a questionnaire or answers file is invalid */
	EXIT_NOMEM = 70,          /* out of memory */
	EXIT_INTERRUPTED = 130    /* SIGINT during an interview */
};

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* xreallocarray grows an array of count elements of size bytes, checking the
 * multiplication for overflow. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Prints "cto-assess: error: <message>" to stderr and exits with status. */
void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

/* The program name used in messages: "cto-assess". */
extern const char *progname;

/*
 * Grows *items (of *alloc elements of size bytes) so that it can hold at least
 * need elements; doubles to keep appends amortised linear.
 */
void grow_array(void **items, size_t *alloc, size_t need, size_t size);
#define GROW(items, alloc, need) \
	grow_array((void **)&(items), &(alloc), (need), sizeof(*(items)))

/* Levenshtein distance between a and b, capped: returns cap + 1 when larger. */
size_t edit_distance(const char *a, const char *b, size_t cap);

/*
 * Returns the candidate closest to word when it is close enough to be a likely
 * typo (distance <= 2, or <= 1 for short words), else NULL.  NULL
 * candidates are skipped.  The result points into candidates.
 */
const char *closest_match(const char *word, const char *const *candidates,
			  size_t count);

struct buf;
/*
 * The one "did you mean" formatter: appends " (did you mean 'x'?)" to msg
 * when closest_match() finds a candidate close to word, else nothing.
 * Returns 1 when it added a hint.
 */
int buf_add_hint(struct buf *msg, const char *word,
		 const char *const *candidates, size_t count);

/*
 * x rounded half away from zero to decimals places (at most 6), the way
 * every score and delta is printed, so that 0.05 rounds up although it is
 * stored as 0.0499999...
 */
double round_to(double x, int decimals);

/* Parses a whole string as a finite double; returns 0 on success. */
int parse_number(const char *s, double *out);

/*
 * Decodes the UTF-8 sequence at s (at most avail bytes): returns its length
 * and sets *cp, or returns 0 when the bytes are not valid UTF-8 (overlong,
 * surrogate, beyond U+10FFFF, cut short).
 */
size_t utf8_decode(const unsigned char *s, size_t avail, unsigned *cp);

/* Returns 1 when a file name ends in .yaml or .yml. */
int path_is_yaml(const char *path);

/*
 * Returns 1 when the extension of path's file name (from its last '.',
 * such as ".md", in any case) is one of exts: n entries, or fewer ended
 * by a NULL.
 */
int path_has_extension(const char *path, const char *const *exts, size_t n);

/* Returns 1 if s is a valid id: [a-z0-9][a-z0-9_.-]*, at most 64 bytes. */
int id_is_valid(const char *s);

/*
 * Returns 1 if url is a web link a report may show: http:// or https://, a
 * host, and no space, control character, '"', '<', '>', '\\' or '`' (which
 * a URL has no need of, written as it should be, and which could break out
 * of a link in Markdown or HTML).
 */
int url_is_web(const char *url);

#endif
