/*
 * strmap.h - an open-addressing hash map from C strings to pointers.
 *
 * The map does not own keys or values: keys must outlive the map (they
 * usually point into the model that owns them).  Lookup and insertion are
 * O(1) on average, so loading a questionnaire stays linear in its size.
 */
#ifndef CTO_STRMAP_H
#define CTO_STRMAP_H

#include <stddef.h>

struct strmap_entry {
	const char *key;
	void *value;
	unsigned long hash;
};

struct strmap {
	struct strmap_entry *slots;
	size_t size;  /* number of slots, a power of two, or 0 */
	size_t count; /* entries in use */
};

#define STRMAP_INIT { NULL, 0, 0 }

/* Returns the value stored for key, or NULL. */
void *strmap_get(const struct strmap *map, const char *key);

/*
 * Stores value under key unless key is present.  Returns NULL when stored, or
 * the value already present (which is kept).
 */
void *strmap_put(struct strmap *map, const char *key, void *value);

void strmap_release(struct strmap *map);

#endif
