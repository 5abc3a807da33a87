/*
 * report.c - the report model: an assessment scored once, with the dates
 * and the plan order every format prints.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "util.h"

/* The time of the report: $SOURCE_DATE_EPOCH when valid, else now. */
static time_t report_time(void)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (env && *env) {
		errno = 0;
		v = strtoll(env, &end, 10);
		if (!errno && !*end && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

/* Copies the YYYY-MM-DD prefix of an ISO 8601 time when it has one. */
static int date_of(char *date, size_t size, const char *iso)
{
	size_t i;

	if (!iso || strlen(iso) < 10 || size < 11)
		return -1;
	for (i = 0; i < 10; i++) {
		int dash = i == 4 || i == 7;

		if (dash ? iso[i] != '-' : !isdigit((unsigned char)iso[i]))
			return -1;
	}
	memcpy(date, iso, 10);
	date[10] = '\0';
	return 0;
}

void report_init(struct report *r, const struct questionnaire *q,
		 const struct answers *a)
{
	time_t now = report_time();
	struct tm tm;

	memset(r, 0, sizeof(*r));
	r->questionnaire = q;
	r->answers = a;
	score_compute(&r->score, q, a);
	if (!gmtime_r(&now, &tm) ||
	    !strftime(r->generated_at, sizeof(r->generated_at),
		      "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(r->generated_at, "1970-01-01T00:00:00Z");
	if (date_of(r->date, sizeof(r->date), a->completed_at) &&
	    date_of(r->date, sizeof(r->date), a->updated_at))
		date_of(r->date, sizeof(r->date), r->generated_at);
}

void report_release(struct report *r)
{
	score_release(&r->score);
}
