/*
 * record-cost.c - what saving one answer costs near the end of a session of
 * a large questionnaire: answers_save() rewrites the whole session file,
 * while answers_record() appends one line to its journal.  Every question
 * but the last N is answered (and saved once); then the last N are
 * answered one by one, saving each with answers_save(), and again
 * recording each with answers_record().  Prints the mean of each, in
 * milliseconds per answer.
 *
 * usage: record-cost QUESTIONNAIRE SESSION N
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "answers.h"
#include "loader.h"
#include "util.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Answers question i with its first choice (the generator's are single). */
static void answer(struct answers *a, size_t i)
{
	struct answer *ans = &a->items[i];

	answer_clear_value(ans);
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup(a->questionnaire->questions[i]->choices[0].id);
}

int main(int argc, char **argv)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf err = BUF_INIT;
	struct questionnaire *q;
	struct answers a;
	size_t i, n, first;
	double t, save_ms, record_ms;

	if (argc != 4)
		return 2;
	q = questionnaire_load(argv[1], &diags);
	if (!q)
		return 1;
	answers_init(&a, q);
	n = (size_t)atol(argv[3]);
	first = n < a.nitems ? a.nitems - n : 0;
	for (i = 0; i < first; i++)
		answer(&a, i);
	if (answers_save(&a, argv[2], &err) < 0)
		return 1;
	t = now_ms();
	for (i = first; i < a.nitems; i++) {
		answer(&a, i);
		if (answers_save(&a, argv[2], &err) < 0)
			return 1;
	}
	save_ms = (now_ms() - t) / (double)(a.nitems - first);
	t = now_ms();
	for (i = first; i < a.nitems; i++) {
		answer(&a, i);
		if (answers_record(&a, argv[2], i, &err) < 0)
			return 1;
	}
	record_ms = (now_ms() - t) / (double)(a.nitems - first);
	printf("%.2f %.3f\n", save_ms, record_ms);
	answers_release(&a);
	questionnaire_free(q);
	diag_list_release(&diags);
	return 0;
}
