/*
 * lineinput.c - lines from a terminal (GNU readline, callback interface) or
 * from a pipe, with the signals handled by cto-assess.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "fileio.h"
#include "lineinput.h"
#include "util.h"

/*
 * The signals caught while a line_input is active, in saved_actions order:
 * first those that end the read (Ctrl-C, Ctrl-\, kill, a closed terminal),
 * then, with a terminal only, a resize and Ctrl-Z.
 */
static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
				      SIGWINCH, SIGTSTP };
#define FATAL_SIGNALS 4

static volatile sig_atomic_t fatal_signal, winch_pending, tstp_pending;
static int last_signal;

/* readline's line handler hands its result over through these. */
static char *handler_line;
static int handler_done;
static int handler_installed;

static struct line_input *current_input;

static int terminal_getc(FILE *stream);

static void on_signal(int sig)
{
	if (sig == SIGWINCH)
		winch_pending = 1;
	else if (sig == SIGTSTP)
		tstp_pending = 1;
	else if (!fatal_signal)
		fatal_signal = sig;
}

/* Leaves the terminal as it was found, whatever path the program exits by. */
static void restore_terminal(void)
{
	if (handler_installed) {
		rl_callback_handler_remove();
		handler_installed = 0;
	}
}

/* ---- tab completion --------------------------------------------------- */

static struct line_completion completion;
static char *completion_before; /* the line before the word completed */

static int offered(size_t i)
{
	return !completion.offered ||
	       completion.offered(completion.ctx, completion_before ?
				  completion_before : "", i);
}

static char *complete_word(const char *text, int state)
{
	static size_t next;
	size_t len;

	while (*text == ' ')
		text++;
	len = strlen(text);
	if (!state)
		next = 0;
	while (next < completion.count) {
		size_t i = next++;

		if (!strncasecmp(completion.words[i], text, len) && offered(i))
			return xstrdup(completion.words[i]);
	}
	return NULL;
}

static char **complete(const char *text, int start, int end)
{
	(void)end;
	/* Never fall back to completing file names. */
	rl_attempted_completion_over = 1;
	rl_completion_append_character = '\0';
	if (!completion.count)
		return NULL;
	free(completion_before);
	completion_before = xstrndup(rl_line_buffer, (size_t)start);
	return rl_completion_matches(text, complete_word);
}

/* The number of a word as listed: its place among the words, from 1. */
static size_t word_number(const char *word)
{
	size_t i;

	for (i = 0; i < completion.count; i++)
		if (!strcmp(completion.words[i], word))
			return i + 1;
	return 0;
}

/*
 * Tab pressed twice: the matches one per line with their numbers, in the
 * words' order (readline's own list is alphabetical, in columns).
 */
static void show_matches(char **matches, int count, int longest)
{
	int i;

	(void)longest;
	fputc('\n', rl_outstream);
	for (i = 1; i <= count; i++)
		fprintf(rl_outstream, "  %zu. %s\n", word_number(matches[i]),
			matches[i]);
	rl_forced_update_display();
}

void line_input_set_completion(const struct line_completion *c)
{
	static const struct line_completion none = { NULL, 0, "", NULL, NULL };

	completion = c ? *c : none;
	if (!completion.words)
		completion.count = 0;
	rl_completer_word_break_characters = completion.word_breaks;
}

/* ---- setting up and tearing down -------------------------------------- */

static void setup_readline(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	rl_readline_name = "cto-assess";
	/* cto-assess handles the signals; readline must leave them alone. */
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_attempted_completion_function = complete;
	rl_completion_display_matches_hook = show_matches;
	rl_sort_completion_matches = 0;
	rl_getc_function = terminal_getc;
	rl_variable_bind("completion-ignore-case", "on");
	atexit(restore_terminal);
}

void line_input_begin(struct line_input *in, int use_readline)
{
	struct sigaction sa;
	sigset_t block;
	size_t i, n = use_readline ? ARRAY_SIZE(caught_signals) : FATAL_SIGNALS;

	memset(in, 0, sizeof(*in));
	buf_init(&in->pending);
	in->use_readline = use_readline;
	in->active = 1;
	current_input = in;
	fatal_signal = winch_pending = tstp_pending = 0;
	last_signal = 0;
	if (use_readline)
		setup_readline();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	for (i = 0; i < n; i++) {
		sigaction(caught_signals[i], &sa, &in->saved_actions[i]);
		sigaddset(&block, caught_signals[i]);
	}
	sigprocmask(SIG_BLOCK, &block, &in->saved_mask);
	in->wait_mask = in->saved_mask;
	for (i = 0; i < n; i++)
		sigdelset(&in->wait_mask, caught_signals[i]);
}

void line_input_end(struct line_input *in)
{
	size_t i, n = in->use_readline ? ARRAY_SIZE(caught_signals)
				       : FATAL_SIGNALS;

	if (!in->active)
		return;
	restore_terminal();
	for (i = 0; i < n; i++)
		sigaction(caught_signals[i], &in->saved_actions[i], NULL);
	sigprocmask(SIG_SETMASK, &in->saved_mask, NULL);
	buf_release(&in->pending);
	in->active = 0;
	current_input = NULL;
}

int line_input_signal(void)
{
	return last_signal;
}

/* ---- waiting ------------------------------------------------------------ */

/* Ctrl-Z: give the terminal back, stop, and take it again on SIGCONT. */
static void suspend(struct line_input *in)
{
	struct sigaction dfl, ours;
	sigset_t tstp;
	int prepped = handler_installed;

	if (prepped)
		rl_deprep_terminal();
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &ours);
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	raise(SIGTSTP);
	/* The pending SIGTSTP stops the process here, until SIGCONT. */
	sigprocmask(SIG_UNBLOCK, &tstp, NULL);
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	sigaction(SIGTSTP, &ours, NULL);
	(void)in;
	if (prepped) {
		rl_prep_terminal(1);
		rl_forced_update_display();
	}
}

/*
 * Waits until stdin is readable; returns 0, or -1 when a fatal signal came
 * (left in fatal_signal for take_signal()).  Our signals are blocked
 * everywhere but inside pselect(), so none is lost between the check and
 * the wait.
 */
static int wait_readable(struct line_input *in)
{
	for (;;) {
		fd_set fds;

		if (fatal_signal)
			return -1;
		if (winch_pending) {
			winch_pending = 0;
			if (handler_installed)
				rl_resize_terminal();
		}
		if (tstp_pending) {
			tstp_pending = 0;
			suspend(in);
		}
		FD_ZERO(&fds);
		FD_SET(STDIN_FILENO, &fds);
		if (pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL,
			    &in->wait_mask) > 0)
			return 0;
		if (errno != EINTR)
			return 0; /* let read() report the problem as EOF */
	}
}

/* ---- reading ------------------------------------------------------------ */

/* Records the fatal signal as the one that ended the read. */
static void take_signal(void)
{
	last_signal = fatal_signal;
	fatal_signal = 0;
}

/*
 * readline's rl_getc_function.  readline's own rl_getc() waits with the
 * signal mask it finds, which keeps ours blocked, so a Ctrl-C that flushes
 * the input between its select and its read would leave it blocked for ever.
 * This one waits in wait_readable(), and on a fatal signal returns EOF: on an
 * empty line readline hands that to on_line() as NULL; on a line with text
 * it is a harmless delete-char; either way read_terminal() sees the signal.
 */
static int terminal_getc(FILE *stream)
{
	unsigned char c;

	for (;;) {
		ssize_t n;

		if (wait_readable(current_input) < 0)
			return EOF;
		n = read(fileno(stream), &c, 1);
		if (n == 1)
			return c;
		if (n == 0 || (errno != EINTR && errno != EAGAIN))
			return EOF;
	}
}

static void on_line(char *line)
{
	handler_line = line;
	handler_done = 1;
	/* Removing the handler here keeps readline from printing a new prompt. */
	rl_callback_handler_remove();
	handler_installed = 0;
}

static enum line_status read_terminal(struct line_input *in,
				      const char *prompt, char **line)
{
	handler_line = NULL;
	handler_done = 0;
	fflush(stdout);
	rl_callback_handler_install(prompt, on_line);
	handler_installed = 1;
	while (!handler_done && wait_readable(in) == 0)
		rl_callback_read_char();
	if (fatal_signal) {
		take_signal();
		if (!handler_done) {
			/* The line stays as typed, the cursor after it: no
			 * "^C" drawn over the prompt or the text. */
			rl_point = rl_end;
			rl_redisplay();
			rl_callback_sigcleanup();
			rl_free_line_state();
		}
		restore_terminal();
		free(handler_line);
		fputc('\n', stdout);
		return LINE_SIGNAL;
	}
	if (!handler_line) {
		fputc('\n', stdout);
		return LINE_EOF;
	}
	if (*handler_line)
		add_history(handler_line);
	*line = handler_line;
	return LINE_OK;
}

/* Drops the first len bytes of in->pending. */
static void drop_pending(struct line_input *in, size_t len)
{
	size_t rest = in->pending.len - len;

	memmove(in->pending.data, in->pending.data + len, rest);
	buf_truncate(&in->pending, rest);
}

/*
 * Takes the first line out of in->pending: LINE_OK with *line when it holds
 * a whole one (at the end of input, what is left counts as one), LINE_EOF
 * when it needs more input.  A line longer than LINE_INPUT_MAX is refused
 * whole: its bytes are dropped up to its newline, however many reads that
 * takes, and then it is LINE_TOO_LONG; nothing of it is ever a line.
 */
static enum line_status take_line(struct line_input *in, char **line)
{
	char *nl = memchr(in->pending.data, '\n', in->pending.len);
	size_t len = nl ? (size_t)(nl - in->pending.data) : in->pending.len;

	if (!nl && !in->eof) {
		if (in->discarding || len > LINE_INPUT_MAX) {
			in->discarding = 1;
			buf_reset(&in->pending);
		}
		return LINE_EOF;
	}
	if (!nl && !len && !in->discarding)
		return LINE_EOF; /* the end of input, nothing left */
	if (in->discarding || len > LINE_INPUT_MAX) {
		in->discarding = 0;
		drop_pending(in, nl ? len + 1 : len);
		return LINE_TOO_LONG;
	}
	*line = xstrndup(in->pending.data, len);
	drop_pending(in, nl ? len + 1 : len);
	return LINE_OK;
}

static enum line_status read_pipe(struct line_input *in, const char *prompt,
				  char **line)
{
	char chunk[4096];

	fputs(prompt, stdout);
	fflush(stdout);
	for (;;) {
		enum line_status status = take_line(in, line);
		ssize_t n;

		if (status != LINE_EOF || in->eof) {
			/* Nothing was echoed: end the prompt's line. */
			fputc('\n', stdout);
			return status;
		}
		if (wait_readable(in) < 0) {
			take_signal();
			fputc('\n', stdout);
			return LINE_SIGNAL;
		}
		n = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			in->eof = 1;
		else
			buf_add(&in->pending, chunk, (size_t)n);
	}
}

/*
 * Takes a fatal signal that arrived while blocked, after pselect() had
 * already returned: the end of input and a Ctrl-C can come together (a
 * script killed with its pipe), and then the signal should decide.
 */
static int take_pending_signal(void)
{
	struct timespec zero = { 0, 0 };
	sigset_t pending, fatal;
	size_t i;
	int sig;

	sigemptyset(&fatal);
	for (i = 0; i < FATAL_SIGNALS; i++)
		sigaddset(&fatal, caught_signals[i]);
	if (sigpending(&pending) < 0)
		return 0;
	for (i = 0; i < FATAL_SIGNALS; i++) {
		if (!sigismember(&pending, caught_signals[i]))
			continue;
		sig = sigtimedwait(&fatal, NULL, &zero);
		if (sig > 0) {
			last_signal = sig;
			return 1;
		}
	}
	return 0;
}

enum line_status line_input_read(struct line_input *in, const char *prompt,
				 char **line)
{
	enum line_status status;
	size_t len;

	*line = NULL;
	status = in->use_readline ? read_terminal(in, prompt, line)
				  : read_pipe(in, prompt, line);
	if (status == LINE_EOF && take_pending_signal())
		status = LINE_SIGNAL;
	if (status == LINE_OK) {
		len = strlen(*line);
		if (len && (*line)[len - 1] == '\r')
			(*line)[len - 1] = '\0';
	}
	return status;
}

/* ---- an editor for long text ------------------------------------------- */

/* Runs the editor on path; returns its exit status, or -1 (errno set). */
static int run_editor(const struct line_input *in, const char *path)
{
	const char *editor = getenv("VISUAL");
	struct sigaction ignore, saved[2];
	int status = -1, i;
	pid_t pid;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	/* Ctrl-C in the editor is the editor's: ignored here (which also
	 * drops one already pending), as system() does. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &saved[0]);
	sigaction(SIGQUIT, &ignore, &saved[1]);
	pid = fork();
	if (pid == 0) {
		struct buf command = BUF_INIT;

		for (i = 0; i < (int)ARRAY_SIZE(caught_signals); i++)
			signal(caught_signals[i], SIG_DFL);
		sigprocmask(SIG_SETMASK, &in->saved_mask, NULL);
		buf_addf(&command, "%s \"$1\"", editor);
		execl("/bin/sh", "sh", "-c", command.data, "sh", path,
		      (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	}
	sigaction(SIGINT, &saved[0], NULL);
	sigaction(SIGQUIT, &saved[1], NULL);
	return status;
}

int line_input_edit(struct line_input *in, const char *text, char **result,
		    struct buf *err)
{
	const char *tmpdir = getenv("TMPDIR");
	struct buf path = BUF_INIT, data = BUF_INIT;
	int fd, status, ret = -1;

	*result = NULL;
	buf_addf(&path, "%s/cto-assess-note.XXXXXX", tmpdir && *tmpdir ?
		 tmpdir : "/tmp");
	fd = mkstemp(path.data);
	if (fd < 0) {
		buf_addf(err, "cannot create '%s': %s", path.data,
			 strerror(errno));
		goto out;
	}
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text) ||
	    close(fd) < 0) {
		buf_addf(err, "cannot write '%s': %s", path.data,
			 strerror(errno));
		goto remove;
	}
	fflush(stdout);
	status = run_editor(in, path.data);
	if (status != 0) {
		buf_addf(err, "the editor %s (exit status %d)",
			 status == 127 ? "could not be started" : "failed",
			 status);
		goto remove;
	}
	if (file_read_all(path.data, LINE_INPUT_MAX, &data, err) < 0)
		goto remove;
	while (data.len && strchr(" \t\r\n", data.data[data.len - 1]))
		buf_truncate(&data, data.len - 1);
	*result = buf_detach(&data, NULL);
	ret = 0;
remove:
	unlink(path.data);
out:
	buf_release(&path);
	buf_release(&data);
	return ret;
}
