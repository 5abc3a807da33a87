/*
 * answer_parse.c - a line typed at a question's prompt, made an answer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answer_parse.h"
#include "term.h"
#include "util.h"

/* Words that mean "don't know" at a question that offers it. */
static const char *const dont_know_words[] = { "dk", "don't know",
					       "dont know", "unknown" };

char *answer_parse_trim(char *s)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		s[--len] = '\0';
	return s;
}

/*
 * Words that mean "not applicable": a prompt word like 'skip', so they are
 * never a text answer or the start of a label, at any question.
 */
static const char *const not_applicable_words[] = { "na", "n/a",
						    "not applicable" };

static int is_word(const char *s, const char *const *words, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (!strcasecmp(s, words[i]))
			return 1;
	return 0;
}

static int is_dont_know_word(const char *s)
{
	return is_word(s, dont_know_words, ARRAY_SIZE(dont_know_words));
}

static int is_not_applicable_word(const char *s)
{
	return is_word(s, not_applicable_words,
		       ARRAY_SIZE(not_applicable_words));
}

char *answer_parse_label(const struct choice *c)
{
	struct buf out = BUF_INIT;

	term_sanitize(&out, c->label, 0);
	return buf_detach(&out, NULL);
}

size_t answer_parse_index(const char *s)
{
	size_t len = strspn(s, "0123456789");

	if (!len || s[len] || len > 6)
		return 0;
	return (size_t)strtoul(s, NULL, 10);
}

/* The choice whose label (in any case) or id is token, or -1. */
static long exact_choice(const struct question *qn, const char *token)
{
	long found = -1;
	size_t i;

	for (i = 0; i < qn->nchoices && found < 0; i++) {
		char *label = answer_parse_label(&qn->choices[i]);

		if (!strcasecmp(label, token) ||
		    !strcmp(qn->choices[i].id, token))
			found = (long)i;
		free(label);
	}
	if (found < 0 && question_is(qn, QTYPE_F_YESNO) &&
	    (!strcasecmp(token, "y") || !strcasecmp(token, "n"))) {
		const struct choice *c = question_choice(
			qn, (*token == 'y' || *token == 'Y') ? "yes" : "no");

		if (c)
			found = (long)(c - qn->choices);
	}
	return found;
}

/*
 * The choice whose label starts with token (in any case); -1 when none,
 * -2 when several (their labels appended to names).
 */
static long prefix_choice(const struct question *qn, const char *token,
			  struct buf *names)
{
	size_t i, hits = 0, len = strlen(token);
	long found = -1;

	for (i = 0; i < qn->nchoices && len; i++) {
		char *label = answer_parse_label(&qn->choices[i]);

		if (!strncasecmp(label, token, len)) {
			buf_addf(names, "%s%s", hits++ ? ", " : "", label);
			found = (long)i;
		}
		free(label);
	}
	return hits > 1 ? -2 : found;
}

/*
 * Finds the choice a token names: by number, label, id, then the start of a
 * label.  Returns its index, qn->nchoices for "don't know" (when offered),
 * or -1 with a message in err.
 */
static long match_choice(const struct question *qn, const char *token,
			 struct buf *err)
{
	size_t n = answer_parse_index(token);
	size_t max = qn->nchoices + (qn->dont_know ? 1 : 0);
	struct buf names = BUF_INIT;
	long found;

	if (n && n <= max)
		return (long)(n - 1);
	if (n) {
		buf_addf(err, "there is no choice %zu; type a number from 1 to "
			 "%zu", n, max);
		return -1;
	}
	found = exact_choice(qn, token);
	if (found >= 0)
		return found;
	if (qn->dont_know && is_dont_know_word(token))
		return (long)qn->nchoices;
	found = prefix_choice(qn, token, &names);
	if (found == -2)
		buf_addf(err, "'%s' matches several choices: %s; type more of "
			 "the label, or its number", token, names.data);
	else if (found < 0)
		buf_addf(err, "'%s' is not one of the choices; type a number "
			 "from 1 to %zu or the start of a label", token, max);
	buf_release(&names);
	return found < 0 ? -1 : found;
}

static int parse_single(const struct question *qn, const char *line,
			struct answer *out, struct buf *err)
{
	long i = match_choice(qn, line, err);

	if (i < 0)
		return -1;
	if ((size_t)i == qn->nchoices) {
		out->kind = ANSWER_DONT_KNOW;
		return 0;
	}
	out->kind = ANSWER_CHOICE;
	out->choice = xstrdup(qn->choices[i].id);
	return 0;
}

/* The label of the first exclusive choice picked, with others; or NULL. */
static const char *exclusive_clash(const struct question *qn,
				   const char *picked, size_t npicked)
{
	size_t i;

	for (i = 0; i < qn->nchoices && npicked > 1; i++)
		if (picked[i] && qn->choices[i].exclusive)
			return qn->choices[i].label;
	return NULL;
}

size_t answer_parse_ticked(const struct question *qn, const char *text,
			   unsigned char *ticked)
{
	char *copy = xstrdup(text), *token, *save = NULL;
	struct buf ignored = BUF_INIT;
	size_t n = 0;

	memset(ticked, 0, qn->nchoices + 1);
	for (token = strtok_r(copy, ",", &save); token;
	     token = strtok_r(NULL, ",", &save)) {
		long c;

		token = answer_parse_trim(token);
		if (!*token)
			continue;
		c = match_choice(qn, token, &ignored);
		if (c >= 0 && !ticked[c]) {
			ticked[c] = 1;
			n++;
		}
		buf_reset(&ignored);
	}
	buf_release(&ignored);
	free(copy);
	return n;
}

/* A comma-separated list of choices; kept in the questionnaire's order. */
static int parse_multi(const struct question *qn, const char *line,
		       struct answer *out, struct buf *err)
{
	char *copy = xstrdup(line), *token, *save = NULL;
	char *picked = xcalloc(qn->nchoices + 1, 1);
	size_t i, ntokens = 0, npicked = 0, err_len = err->len;
	int ret = -1, dont_know = 0;
	const char *clash;

	for (token = strtok_r(copy, ",", &save); token;
	     token = strtok_r(NULL, ",", &save)) {
		long c;

		token = answer_parse_trim(token);
		if (!*token)
			continue;
		ntokens++;
		c = match_choice(qn, token, err);
		if (c < 0 && !strcasecmp(token, "none") && ntokens == 1) {
			buf_truncate(err, err_len);
			continue;
		}
		if (c < 0)
			goto out;
		if ((size_t)c == qn->nchoices)
			dont_know = 1;
		else if (!picked[c]++)
			npicked++;
	}
	if (dont_know && ntokens > 1) {
		buf_adds(err, "\"don't know\" cannot be combined with choices");
		goto out;
	}
	if ((clash = exclusive_clash(qn, picked, npicked))) {
		buf_adds(err, "'");
		term_sanitize(err, clash, 0);
		buf_adds(err, "' cannot be combined with other choices");
		goto out;
	}
	if (dont_know) {
		out->kind = ANSWER_DONT_KNOW;
		ret = 0;
		goto out;
	}
	out->kind = ANSWER_CHOICES;
	out->choices = xcalloc(qn->nchoices ? qn->nchoices : 1, sizeof(char *));
	for (i = 0; i < qn->nchoices; i++)
		if (picked[i])
			out->choices[out->nchoices++] =
				xstrdup(qn->choices[i].id);
	ret = 0;
out:
	free(picked);
	free(copy);
	return ret;
}

int answer_parse_check_max(const struct question *qn, const struct answers *a,
			   const struct answer *value, struct buf *err)
{
	const struct answer *bound;

	if (!qn->max_ref || value->kind != ANSWER_NUMBER)
		return 0;
	bound = answers_get_const(a, qn->max_ref);
	if (bound->kind != ANSWER_NUMBER || value->number <= bound->number)
		return 0;
	buf_adds(err, "'");
	buf_add_number(err, value->number);
	buf_adds(err, "' is more than the answer to '");
	term_sanitize(err, qn->max_ref->text, 0);
	buf_adds(err, "' (");
	buf_add_number(err, bound->number);
	buf_adds(err, ")");
	return -1;
}

void answer_parse_add_range(struct buf *out, const struct question *qn)
{
	if (qn->has_min && qn->has_max) {
		buf_adds(out, "from ");
		buf_add_number(out, qn->min);
		buf_adds(out, " to ");
		buf_add_number(out, qn->max);
	} else if (qn->has_min) {
		buf_add_number(out, qn->min);
		buf_adds(out, " or more");
	} else if (qn->has_max) {
		buf_add_number(out, qn->max);
		buf_adds(out, " or less");
	}
}

/* "12", "-3", "+4": digits with at most a sign. */
static int plain_digits(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return *s && strspn(s, "0123456789") == strlen(s);
}

static int parse_number_answer(const struct question *qn, const char *line,
			       struct answer *out, struct buf *err)
{
	int whole = question_whole_numbers(qn);
	const char *problem = NULL;
	double v;

	if (parse_number(line, &v) < 0)
		problem = "is not a number";
	else if (whole && v != floor(v)) /* 1e300 has no long long */
		problem = "is not a whole number";
	else if (qn->integer && !plain_digits(line))
		/* People are counted in digits: "1e3" is a slip. */
		problem = "is not written as a whole number";
	else if ((qn->has_min && v < qn->min) || (qn->has_max && v > qn->max))
		problem = "is out of range";
	if (problem) {
		buf_addf(err, "'%s' %s; type %s", line, problem,
			 whole ? "a whole number" : "a number");
		if (qn->has_min || qn->has_max)
			buf_adds(err, " ");
		answer_parse_add_range(err, qn);
		return -1;
	}
	out->kind = ANSWER_NUMBER;
	out->number = v;
	return 0;
}

static int parse_text(const struct question *qn, const char *line,
		      struct answer *out, struct buf *err)
{
	(void)qn;
	(void)err;
	out->kind = ANSWER_TEXT;
	out->text = xstrdup(line);
	return 0;
}

/* How each kind of answer is read from a line (trimmed, not empty). */
static int (*const value_parsers[])(const struct question *qn,
				    const char *line, struct answer *out,
				    struct buf *err) = {
	[QVALUE_CHOICE] = parse_single,
	[QVALUE_CHOICES] = parse_multi,
	[QVALUE_NUMBER] = parse_number_answer,
	[QVALUE_TEXT] = parse_text,
};

int answer_parse(const struct question *qn, const char *line,
		 struct answer *out, struct buf *err)
{
	char *copy = xstrdup(line), *s = answer_parse_trim(copy);
	int ret = -1;

	if (!*s) {
		buf_adds(err, "no answer given; type one, or 'skip'");
	} else if (is_not_applicable_word(s)) {
		if (qn->not_applicable)
			out->kind = ANSWER_NOT_APPLICABLE; /* no reason yet */
		else
			buf_adds(err, "\"not applicable\" is not an answer to "
				 "this question; use skip if you cannot answer "
				 "it");
		ret = qn->not_applicable ? 0 : -1;
	} else if (!question_has_choices(qn) && qn->dont_know &&
		   is_dont_know_word(s)) {
		/* Choices take "don't know" as their last number too. */
		out->kind = ANSWER_DONT_KNOW;
		ret = 0;
	} else {
		ret = value_parsers[question_value(qn)](qn, s, out, err);
	}
	free(copy);
	return ret;
}
