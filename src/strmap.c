/*
 * strmap.c - open-addressing hash map (linear probing, FNV-1a hashes).
 */
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"

static unsigned long hash_string(const char *s)
{
	unsigned long h = 2166136261UL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619UL;
	}
	return h;
}

static struct strmap_entry *find_slot(struct strmap_entry *slots, size_t size,
				      const char *key, unsigned long hash)
{
	size_t i = hash & (size - 1);

	while (slots[i].key) {
		if (slots[i].hash == hash && !strcmp(slots[i].key, key))
			return &slots[i];
		i = (i + 1) & (size - 1);
	}
	return &slots[i];
}

static void rehash(struct strmap *map, size_t size)
{
	struct strmap_entry *slots = xcalloc(size, sizeof(*slots));
	size_t i;

	for (i = 0; i < map->size; i++) {
		struct strmap_entry *e = &map->slots[i];

		if (e->key)
			*find_slot(slots, size, e->key, e->hash) = *e;
	}
	free(map->slots);
	map->slots = slots;
	map->size = size;
}

void *strmap_get(const struct strmap *map, const char *key)
{
	struct strmap_entry *e;

	if (!map->size)
		return NULL;
	e = find_slot(map->slots, map->size, key, hash_string(key));
	return e->key ? e->value : NULL;
}

void *strmap_put(struct strmap *map, const char *key, void *value)
{
	unsigned long hash = hash_string(key);
	struct strmap_entry *e;

	/* Keep the load factor under 1/2 so that probes stay short. */
	if ((map->count + 1) * 2 > map->size)
		rehash(map, map->size ? map->size * 2 : 16);
	e = find_slot(map->slots, map->size, key, hash);
	if (e->key)
		return e->value;
	e->key = key;
	e->value = value;
	e->hash = hash;
	map->count++;
	return NULL;
}

void strmap_release(struct strmap *map)
{
	free(map->slots);
	map->slots = NULL;
	map->size = 0;
	map->count = 0;
}
