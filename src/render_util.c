/*
 * render_util.c - what the renderers share.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render.h"
#include "util.h"

static const char *const risk_titles[] = {
	"None", "Low", "Medium", "High", "Critical"
};
static const char *const effort_titles[] = {
	"Medium", "Low", "Medium", "High"
};

const char *render_risk_title(enum risk risk)
{
	return (size_t)risk < ARRAY_SIZE(risk_titles) ? risk_titles[risk] : "";
}

const char *render_effort_title(enum effort effort)
{
	return (size_t)effort < ARRAY_SIZE(effort_titles) ?
	       effort_titles[effort] : "";
}

const char *render_company(const struct report *r)
{
	return r->score.company ? r->score.company : "Your company";
}

void render_title(struct buf *out, const struct report *r)
{
	buf_adds(out, r->title);
	if (r->score.company)
		buf_addf(out, ": %s", r->score.company);
}

/* Adds refs to out (n so far) unless their URL is there; returns n. */
static size_t add_references(const struct reference **out, size_t n,
			     const struct reference *refs, size_t count)
{
	size_t i, j;

	for (i = 0; i < count && n < RENDER_REFERENCES_MAX; i++) {
		for (j = 0; j < n; j++)
			if (!strcmp(out[j]->url, refs[i].url))
				break;
		if (j == n)
			out[n++] = &refs[i];
	}
	return n;
}

size_t render_references(const struct question_score *qs,
			 const struct reference **out)
{
	size_t n;

	n = add_references(out, 0, qs->question->refs, qs->question->nrefs);
	if (qs->choice)
		n = add_references(out, n, qs->choice->refs,
				   qs->choice->nrefs);
	return n;
}
