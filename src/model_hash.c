/*
 * model_hash.c - the content hash of a questionnaire.
 *
 * The hash covers what an answers file and a report depend on, not the
 * file's bytes, so that editing a comment, help text or the layout does not
 * make saved sessions look stale.  It is FNV-1a, 64 bits, over, in asking
 * order:
 *
 *   the questionnaire's id and version;
 *   per area: its id and weight;
 *   per question: its id, text, type, weight and condition (as written);
 *     each choice's id, label and score, then its finding, initiative and
 *     exclusive; each band's min and score, then its finding and
 *     initiative; min and max; then not_applicable, not_applicable_prompt,
 *     initiative, integer and a max that names a question;
 *   team_size_question; each initiative's id, title and advice;
 *   and, per question, its references and each choice's (title and URL),
 *   at the end of its question and choice, then its rules (each rule's
 *   condition as written and its score).
 *
 * Texts end with a NUL byte, so that "ab" + "c" differs from "a" + "bc";
 * numbers are the bytes of their double.  The keys from "then" on (those
 * of the action plan) are hashed only when set, each with its name, so
 * that a questionnaire without them keeps the hash it had before they
 * existed.  Help, advice, risk, effort, levels, targets and the report's
 * framing (`report:`) are not covered.  Changing what is covered changes
 * questionnaires' hashes, and so makes saved sessions look stale:
 * tests/unit/test_loader.c pins the hash of a fixture without the
 * optional keys and of one with them.
 */
#include <stdio.h>
#include <string.h>

#include "model.h"

struct hasher {
	unsigned long long h;
};

static void hash_bytes(struct hasher *hs, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		hs->h ^= p[i];
		hs->h *= 1099511628211ULL;
	}
}

static void hash_text(struct hasher *hs, const char *s)
{
	/* The NUL separates fields, so "ab"+"c" differs from "a"+"bc". */
	hash_bytes(hs, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void hash_number(struct hasher *hs, double v)
{
	unsigned char bytes[sizeof(v)];

	/* The bits of the double, with -0 as 0: cheap and exact. */
	if (v == 0)
		v = 0;
	memcpy(bytes, &v, sizeof(v));
	hash_bytes(hs, bytes, sizeof(bytes));
}

/*
 * An optional key: nothing when it is not set, else a byte no text holds
 * (YAML refuses control characters), the key's name and the value.
 */
static void hash_optional(struct hasher *hs, const char *key,
			  const char *value)
{
	if (!value)
		return;
	hash_bytes(hs, "\x01", 1);
	hash_text(hs, key);
	hash_text(hs, value);
}

/* The links of a question or a choice, each an optional pair. */
static void hash_references(struct hasher *hs, const struct reference *refs,
			    size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		hash_optional(hs, "reference", refs[i].title);
		hash_optional(hs, "url", refs[i].url);
	}
}

static void hash_question(struct hasher *hs, const struct question *qn)
{
	size_t i;

	hash_text(hs, qn->id);
	hash_text(hs, qn->text);
	hash_text(hs, question_types[qn->type].name);
	hash_number(hs, qn->weight);
	hash_text(hs, qn->when_source);
	for (i = 0; i < qn->nchoices; i++) {
		hash_text(hs, qn->choices[i].id);
		hash_text(hs, qn->choices[i].label);
		hash_number(hs, qn->choices[i].score);
		hash_optional(hs, "finding", qn->choices[i].finding);
		hash_optional(hs, "initiative", qn->choices[i].initiative);
		hash_optional(hs, "exclusive", qn->choices[i].exclusive ?
			      "true" : NULL);
		hash_references(hs, qn->choices[i].refs, qn->choices[i].nrefs);
	}
	for (i = 0; i < qn->nbands; i++) {
		hash_number(hs, qn->bands[i].min);
		hash_number(hs, qn->bands[i].score);
		hash_optional(hs, "finding", qn->bands[i].finding);
		hash_optional(hs, "initiative", qn->bands[i].initiative);
	}
	hash_number(hs, qn->min);
	hash_number(hs, qn->max);
	hash_optional(hs, "not_applicable", qn->not_applicable ? "true" : NULL);
	hash_optional(hs, "not_applicable_prompt", qn->not_applicable_prompt);
	hash_optional(hs, "initiative", qn->initiative);
	hash_optional(hs, "integer", qn->integer ? "true" : NULL);
	hash_optional(hs, "max", qn->max_question);
	hash_references(hs, qn->refs, qn->nrefs);
	for (i = 0; i < qn->nrules; i++) {
		hash_optional(hs, "rule", qn->rules[i].when_source);
		hash_number(hs, qn->rules[i].score);
	}
}

void model_hash(struct questionnaire *q)
{
	struct hasher hs = { 14695981039346656037ULL };
	size_t i, j;

	hash_text(&hs, q->id);
	hash_text(&hs, q->version);
	for (i = 0; i < q->nareas; i++) {
		hash_text(&hs, q->areas[i].id);
		hash_number(&hs, q->areas[i].weight);
		for (j = 0; j < q->areas[i].nquestions; j++)
			hash_question(&hs, &q->areas[i].questions[j]);
	}
	hash_optional(&hs, "team_size_question", q->team_size_question);
	for (i = 0; i < q->ninitiatives; i++) {
		hash_optional(&hs, "initiative", q->initiatives[i].id);
		hash_optional(&hs, "title", q->initiatives[i].title);
		hash_optional(&hs, "advice", q->initiatives[i].advice);
	}
	snprintf(q->hash, sizeof(q->hash), "%016llx", hs.h);
}
