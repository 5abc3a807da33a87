/*
 * model.h - the questionnaire model: areas, questions, choices, levels.
 *
 * A struct questionnaire is built only by the loader (loader.h) and is
 * complete and checked when it exists: every id is unique and valid, every
 * condition is parsed and refers to earlier questions, every scored question
 * has scores.  It owns everything it points to; questionnaire_free() releases
 * it all.  Pointers into it (questions, choices, strings) stay valid until
 * then.  Nothing in this layer prints or exits.
 */
#ifndef CTO_MODEL_H
#define CTO_MODEL_H

#include <stddef.h>

#include "strmap.h"

struct expr;

enum question_type {
	QTYPE_SINGLE,
	QTYPE_MULTI,
	QTYPE_YESNO,
	QTYPE_SCALE,
	QTYPE_NUMBER,
	QTYPE_TEXT,
	QTYPE_COUNT
};

/* What an answer to a question holds. */
enum question_value {
	QVALUE_CHOICE,  /* one choice id */
	QVALUE_CHOICES, /* a set of choice ids */
	QVALUE_NUMBER,  /* one number */
	QVALUE_TEXT     /* free text, never scored */
};

/* What a question type does, beyond the value it holds. */
enum {
	QTYPE_F_SCORABLE = 1 << 0, /* its answers carry a score */
	QTYPE_F_YESNO = 1 << 1,    /* built-in yes and no choices */
	QTYPE_F_RANGE = 1 << 2,    /* needs min and max; scored linearly
				    * between them unless banded; shown
				    * as "N on a scale of" */
	QTYPE_F_WHOLE = 1 << 3,    /* takes whole numbers only */
	QTYPE_F_BANDED = 1 << 4    /* scored by bands, without a range */
};

/*
 * Everything the program knows about a question type, in one row each:
 * the loader, parsers, interview and renderers ask this table (through
 * the helpers below) rather than naming types, so that a new type is one
 * row here and one enum value above.
 */
struct question_type_info {
	const char *name;          /* as written in the format */
	enum question_value value;
	unsigned flags;            /* QTYPE_F_* */
	const char *keys[8];       /* type-specific keys it takes */
};

extern const struct question_type_info question_types[QTYPE_COUNT];

/* RISK_UNSET on a choice means "derive the risk from the score". */
enum risk { RISK_UNSET = 0, RISK_LOW, RISK_MEDIUM, RISK_HIGH, RISK_CRITICAL };
/* EFFORT_UNSET on a choice means "the question's effort". */
enum effort { EFFORT_UNSET = 0, EFFORT_LOW, EFFORT_MEDIUM, EFFORT_HIGH };

/* Where a node was written: file is owned by the questionnaire. */
struct srcpos {
	const char *file;
	int line; /* 1-based */
	int col;  /* 1-based */
};

/*
 * A link a questionnaire gives with a question or a choice (`references:`),
 * shown in reports: a title and an http or https URL (checked by the
 * loader, see url_is_web()).
 */
struct reference {
	char *title;
	char *url;
	struct srcpos pos;
};

struct choice {
	char *id;
	char *label;
	double score;      /* 0 when the question is unscored */
	char *advice;      /* may be NULL */
	char *finding;     /* what is wrong when this is the answer, one line;
			      may be NULL (the report uses the question) */
	char *initiative;  /* id of a struct initiative, may be NULL */
	enum risk risk;
	enum effort effort;
	int exclusive;     /* multi: "none of these", never ticked with others */
	struct reference *refs; /* `references:`, in order */
	size_t nrefs;
	struct srcpos pos;
};

/* A score band of a number or scale question: applies from min upwards. */
struct band {
	double min;
	double score;
	char *label;       /* may be NULL */
	char *advice;      /* may be NULL */
	char *finding;     /* as on a choice, may be NULL */
	char *initiative;  /* as on a choice, may be NULL */
	enum risk risk;
	struct srcpos pos;
};

/*
 * One of a question's `rules:`.  The first rule whose condition holds for
 * the question's own answer gives the answer's score and risk, in place of
 * those of its choice or band (an AWS lens's riskRules are rules); when
 * none holds, the answer is scored as without rules.
 */
struct rule {
	char *when_source;      /* the condition as written */
	struct expr *when;      /* parsed by the loader's second pass */
	struct srcpos when_pos; /* where the condition's text starts */
	int when_inline;        /* on one line: columns count from when_pos */
	double score;           /* 0-1, a fraction of full marks */
	enum risk risk;         /* RISK_UNSET: derived from the score, or
				   none at all with a score of 1 */
	struct srcpos pos;
};

/*
 * An action that several findings share ("Get an independent technical
 * review"): questions, choices and bands name it with `initiative:`, and the
 * report plans it once for all the findings that name it.
 */
struct initiative {
	char *id;
	char *title;
	char *advice;      /* may be NULL */
	struct srcpos pos;
};

struct area;

struct question {
	char *id;
	char *text;
	char *help;        /* may be NULL */
	enum question_type type;
	double weight;     /* >= 0; 0 means unscored */
	char *advice;      /* default advice, may be NULL */
	enum effort effort;/* never EFFORT_UNSET after loading */
	int dont_know;     /* offer "don't know" */
	int not_applicable;     /* the respondent may answer "not applicable" */
	char *not_applicable_prompt; /* asks for the reason, may be NULL */
	char *initiative;  /* id of a struct initiative, may be NULL */
	int scored;        /* computed: weight > 0, area scored, type scorable */
	struct reference *refs; /* `references:`, in order */
	size_t nrefs;
	struct rule *rules;      /* `rules:`, in order */
	size_t nrules;
	int rules_cover;         /* the last rule always holds (`when: true`),
				    so choices and bands need no scores */

	struct choice *choices;  /* single, multi, yesno (always yes, no) */
	size_t nchoices;
	double full_score;       /* multi: sum that earns full marks */
	double best_score;       /* single, yesno: highest choice score */

	int has_min, has_max;    /* scale: both always set */
	double min, max;
	int integer;             /* number: whole numbers only (people) */
	char *max_question;      /* number: the id of an earlier number
				    question whose answer this one is
				    expected not to pass (`max: team_size`),
				    or NULL */
	const struct question *max_ref; /* max_question, found */
	struct srcpos max_pos;   /* where max_question was written */
	char *min_label, *max_label; /* scale, may be NULL */
	char *unit;              /* number, may be NULL */
	struct band *bands;      /* number, scale; sorted by min */
	size_t nbands;

	char *when_source;       /* the condition as written, may be NULL */
	struct expr *when;       /* parsed condition, may be NULL */
	struct srcpos when_pos;  /* where the condition's text starts */
	int when_inline;         /* 1 when it is on one line, so that columns
				    inside it can be counted from when_pos */

	struct area *area;
	size_t index;            /* position in asking order */
	struct srcpos pos;
};

struct target {
	char *stage;  /* a choice id of the stage question */
	double score; /* 0-100 */
	struct srcpos pos;
};

struct area {
	char *id;
	char *title;
	char *description; /* may be NULL */
	double weight;
	int scored;
	struct question *questions;
	size_t nquestions;
	struct target *targets;
	size_t ntargets;
	struct srcpos pos;
};

/*
 * A row of the profile table at the top of a report, as the `report:`
 * key's `profile` lists it: a question id, or one of the words
 * REPORT_ROW_DATE and REPORT_ROW_QUESTIONNAIRE.
 */
struct profile_row {
	char *id;
	struct srcpos pos;
};

#define REPORT_ROW_DATE "date"
#define REPORT_ROW_QUESTIONNAIRE "questionnaire"

/*
 * How a report presents the questionnaire (the `report:` key): how the
 * reports look only, so none of it is in the content hash.
 */
struct report_framing {
	char *title;        /* NULL: the questionnaire's title + " report" */
	char *subtitle;     /* may be NULL */
	struct profile_row *profile; /* the rows, in order */
	size_t nprofile;
	int has_profile;    /* `profile` was given (perhaps empty) */
};

struct level {
	char *id;
	char *name;
	double min;         /* 0-100; levels are sorted by min, first is 0 */
	char *description;  /* may be NULL */
};

struct questionnaire {
	char *id;
	char *title;
	char *version;
	char *description; /* may be NULL */
	char *author;      /* may be NULL */
	char *path;        /* the root file it was loaded from */
	char *stage_question; /* single-choice question giving the stage */
	char *name_question;  /* text question giving the company name */
	char *team_size_question; /* number question giving the team size
				     (plan capacity), may be NULL */
	struct report_framing report; /* how reports present it */

	struct level *levels;
	size_t nlevels;
	struct area *areas;
	size_t nareas;
	struct question **questions; /* every question, in asking order */
	size_t nquestions;
	struct initiative *initiatives; /* in the order read: like areas,
					   an included file's before the
					   including file's own */
	size_t ninitiatives;

	char hash[17];     /* 16 hex digits over the content, see model_hash */

	struct strmap question_index; /* id -> struct question * */
	struct strmap area_index;     /* id -> struct area * */
	struct strmap initiative_index; /* id -> struct initiative * */
	char **files;                 /* every file read, owned */
	size_t nfiles;
};

/* Names of enum values as written in the format ("single", "high", ...). */
/* Names of the question types, indexed by enum question_type. */
const char *const *question_type_names(void);
extern const char *const risk_names[];   /* indexed by enum risk */
extern const char *const effort_names[]; /* indexed by enum effort */

const struct question *questionnaire_question(const struct questionnaire *q,
					      const char *id);
const struct area *questionnaire_area(const struct questionnaire *q,
				      const char *id);
const struct choice *question_choice(const struct question *q,
				     const char *id);
/*
 * The band of a number or scale question that value falls in: the one with
 * the greatest min not above value, or the first below them all; NULL when
 * the question has no bands.
 */
const struct band *question_band(const struct question *q, double value);
/* The level whose band holds score (0-100). */
const struct level *questionnaire_level(const struct questionnaire *q,
					double score);
const struct initiative *questionnaire_initiative(
	const struct questionnaire *q, const char *id);
/* The target of area for stage, or NULL when none is set. */
const struct target *area_target(const struct area *a, const char *stage);

/*
 * Sets q->hash: 16 hex digits over the content that answers and reports
 * depend on (model_hash.c says exactly what).
 */
void model_hash(struct questionnaire *q);

/* True for types whose answers can carry a score. */
int question_type_scorable(enum question_type type);
/* True when q's type has flag (a QTYPE_F_* value). */
int question_is(const struct question *q, unsigned flag);
/* What an answer to q holds. */
enum question_value question_value(const struct question *q);
/* True when answers to q are choice ids (one or several). */
int question_has_choices(const struct question *q);
/* True when q takes whole numbers only (by its type or `integer: true`). */
int question_whole_numbers(const struct question *q);
/* True when type t takes the type-specific key. */
int question_type_takes(enum question_type t, const char *key);
/* True when some type takes key (so that others must refuse it). */
int question_type_key(const char *key);

/*
 * The rule that gives answer to q its score and risk: the first whose
 * condition holds for the answer (the conditions name only q), or NULL
 * when q has no rules, none holds or the answer has no value.
 */
struct answer;
const struct rule *question_rule(const struct question *q,
				 const struct answer *answer);

/* Frees the titles and URLs of count references, and the array. */
void references_free(struct reference *refs, size_t count);

/* Free what an area, question or initiative holds (used by the loader for
 * partial models); questionnaire_free() frees the questionnaire and all of
 * it. */
void area_release(struct area *a);
void question_release(struct question *q);
void initiative_release(struct initiative *in);
void questionnaire_free(struct questionnaire *q);

#endif
