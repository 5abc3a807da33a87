/*
 * lineinput.h - reading answers line by line, from a terminal or a pipe.
 *
 * With a terminal, lines are read with GNU readline's callback interface in a
 * pselect() loop, and cto-assess handles the signals itself (readline's own
 * handlers are off: with them a SIGINT handler that returns does not make
 * readline() return).  SIGINT, SIGTERM, SIGHUP and SIGQUIT are blocked
 * except inside pselect(), so one arriving while an answer is being saved
 * waits for the next prompt; there it ends the read with LINE_SIGNAL, the
 * typed text discarded, the line drawn whole (no "^C" over it) and the
 * terminal restored.  SIGWINCH resizes, SIGTSTP suspends with the
 * terminal restored first.
 *
 * Without a terminal, lines are read with read(2) in the same loop: no
 * readline, no echo, no editing keys; a final line without a newline counts.
 *
 * Only one line_input is active at a time (readline and signal handlers are
 * process-wide).  Lines returned are owned by the caller (free()).
 */
#ifndef CTO_LINEINPUT_H
#define CTO_LINEINPUT_H

#include <signal.h>
#include <stddef.h>

#include "buf.h"

enum line_status {
	LINE_OK,     /* a line was read */
	LINE_EOF,    /* end of input (Ctrl-D on an empty line) */
	LINE_TOO_LONG, /* pipe: a line over LINE_INPUT_MAX, skipped whole */
	LINE_SIGNAL  /* SIGINT, SIGTERM, SIGHUP or SIGQUIT: see
			line_input_signal() */
};

/*
 * Longest line read from a pipe (bytes, without the newline); a longer one
 * is skipped whole, up to its newline, and reported as LINE_TOO_LONG.
 */
#define LINE_INPUT_MAX (1024 * 1024)

struct line_input {
	int use_readline;
	int active;
	struct buf pending;   /* pipe: bytes read after the last line */
	int discarding;       /* pipe: skipping the rest of a too long line */
	int eof;
	sigset_t saved_mask;
	sigset_t wait_mask;   /* the mask inside pselect(): signals open */
	struct sigaction saved_actions[6];
};

/* Installs the signal handlers and prepares readline (when use_readline). */
void line_input_begin(struct line_input *in, int use_readline);

/* Restores the signal handlers and mask; frees buffered input. */
void line_input_end(struct line_input *in);

/*
 * Shows prompt (trusted text) and reads one line, without its newline (and
 * without a trailing CR), into *line.
 */
enum line_status line_input_read(struct line_input *in, const char *prompt,
				 char **line);

/* The signal that ended the last LINE_SIGNAL read, or 0. */
int line_input_signal(void);

/*
 * Opens text in the user's editor ($VISUAL, else $EDITOR, else vi, run by
 * /bin/sh with the file's name as its argument) on a private temporary
 * file, and returns what was saved, without trailing white space, in
 * *result (caller frees).  While the editor runs, Ctrl-C and Ctrl-\ are
 * the editor's: they neither end the interview nor stay pending.  Returns
 * 0, or -1 with a message in err (the editor failed or could not start).
 */
int line_input_edit(struct line_input *in, const char *text, char **result,
		    struct buf *err);

/*
 * What Tab offers: words in the order they are numbered (from 1) when
 * listed, the characters that separate words on the line ("" makes the
 * whole line one word), and which of them fit the line so far.  A list of
 * matches is shown one per line with its number, in this order.
 */
struct line_completion {
	const char *const *words;
	size_t count;
	const char *word_breaks;
	/* Whether words[i] is offered after before, the line up to the word
	 * being completed (what is ticked already); NULL offers all. */
	int (*offered)(void *ctx, const char *before, size_t i);
	void *ctx;
};

/*
 * Sets what Tab offers (copied; the words and ctx must stay valid until
 * the next call), or nothing with NULL.
 */
void line_input_set_completion(const struct line_completion *c);

#endif
