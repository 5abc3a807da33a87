/*
 * deliverable.c - finding and reading the consultant's profile and review
 * for `run` and `report`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "deliverable.h"
#include "fileio.h"
#include "util.h"

int deliverable_option(struct deliverable_options *o, int c,
		       const char *arg)
{
	switch (c) {
	case DELIVERABLE_OPT_CONSULTANT:
		o->consultant = arg;
		return 1;
	case DELIVERABLE_OPT_NO_CONSULTANT:
		o->no_consultant = 1;
		return 1;
	case DELIVERABLE_OPT_REVIEW:
		o->review = arg;
		return 1;
	case DELIVERABLE_OPT_NO_REVIEW:
		o->no_review = 1;
		return 1;
	}
	return 0;
}

/* Prints what a failed read left, then a message; returns -1. */
static int print_problems(struct diag_list *diags, const char *what,
			  const char *path, const char *option)
{
	diag_sort(diags);
	diag_print(diags, stderr);
	return error("invalid %s '%s'; nothing was written (fix it, or leave "
		     "it out with %s)", what, path, option);
}

static int open_consultant(struct deliverable *d,
			   const struct deliverable_options *o)
{
	struct diag_list diags = DIAG_LIST_INIT;
	char *path = NULL;
	int ret = 0;

	if (o->no_consultant)
		return 0;
	if (!o->consultant) {
		path = consultant_default_path();
		if (!path || !file_exists(path)) {
			free(path);
			return 0;
		}
	}
	if (consultant_load(&d->consultant, path ? path : o->consultant,
			    &diags) == 0) {
		d->has_consultant = 1;
		diag_print(&diags, stderr);
	} else {
		ret = print_problems(&diags, "consultant profile",
				     path ? path : o->consultant,
				     "--no-consultant");
	}
	diag_list_release(&diags);
	free(path);
	return ret;
}

/* REVIEW_FILE_NAME in dir, newly allocated. */
static char *review_beside(const char *dir)
{
	struct buf path = BUF_INIT;

	buf_adds(&path, dir && *dir ? dir : ".");
	if (path.data[path.len - 1] != '/')
		buf_addc(&path, '/');
	buf_adds(&path, REVIEW_FILE_NAME);
	return buf_detach(&path, NULL);
}

static int open_review(struct deliverable *d,
		       const struct deliverable_options *o,
		       const struct questionnaire *q)
{
	struct diag_list diags = DIAG_LIST_INIT;
	char *path = NULL;
	int ret = 0;

	if (o->no_review)
		return 0;
	if (!o->review) {
		path = review_beside(o->review_dir);
		if (!file_exists(path)) {
			free(path);
			return 0;
		}
	}
	if (review_load(&d->review, path ? path : o->review, q, &diags) == 0) {
		d->has_review = 1;
		diag_print(&diags, stderr);
	} else {
		ret = print_problems(&diags, "review", path ? path : o->review,
				     "--no-review");
	}
	diag_list_release(&diags);
	free(path);
	return ret;
}

int deliverable_open(struct deliverable *d,
		     const struct deliverable_options *o,
		     const struct questionnaire *q)
{
	memset(d, 0, sizeof(*d));
	if (open_consultant(d, o) < 0 || open_review(d, o, q) < 0)
		return -1;
	return 0;
}

void deliverable_inputs(struct deliverable *d, struct report_inputs *in)
{
	in->review = d->has_review ? &d->review : NULL;
	in->consultant = d->has_consultant ? &d->consultant : NULL;
	in->diags = &d->warnings;
}

void deliverable_print_warnings(struct deliverable *d)
{
	diag_sort(&d->warnings);
	diag_print(&d->warnings, stderr);
	diag_list_release(&d->warnings);
}

void deliverable_release(struct deliverable *d)
{
	if (d->has_consultant)
		consultant_release(&d->consultant);
	if (d->has_review)
		review_release(&d->review);
	diag_list_release(&d->warnings);
	memset(d, 0, sizeof(*d));
}
