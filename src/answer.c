/*
 * answer.c - the answer value type.
 */
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "util.h"

void answer_clear_value(struct answer *a)
{
	size_t i;

	free(a->choice);
	for (i = 0; i < a->nchoices; i++)
		free(a->choices[i]);
	free(a->choices);
	free(a->text);
	a->choice = NULL;
	a->choices = NULL;
	a->nchoices = 0;
	a->text = NULL;
	a->number = 0;
	a->kind = ANSWER_NONE;
}

void answer_release(struct answer *a)
{
	answer_clear_value(a);
	free(a->note);
	a->note = NULL;
}

int answer_has_value(const struct answer *a)
{
	return a->kind == ANSWER_CHOICE || a->kind == ANSWER_CHOICES ||
	       a->kind == ANSWER_NUMBER || a->kind == ANSWER_TEXT;
}

int answer_includes(const struct answer *a, const char *id)
{
	size_t i;

	if (a->kind == ANSWER_CHOICE)
		return !strcmp(a->choice, id);
	if (a->kind != ANSWER_CHOICES)
		return 0;
	for (i = 0; i < a->nchoices; i++)
		if (!strcmp(a->choices[i], id))
			return 1;
	return 0;
}

static char *copy_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void answer_copy(struct answer *dst, const struct answer *src)
{
	size_t i;

	*dst = *src;
	dst->choice = copy_or_null(src->choice);
	dst->text = copy_or_null(src->text);
	dst->note = copy_or_null(src->note);
	dst->choices = NULL;
	if (src->choices) {
		dst->choices = xcalloc(src->nchoices ? src->nchoices : 1,
				       sizeof(*dst->choices));
		for (i = 0; i < src->nchoices; i++)
			dst->choices[i] = xstrdup(src->choices[i]);
	}
}
