/*
 * fileio.h - checked, atomic file writes and bounded reads.
 *
 * Every report and session file is written through file_write_atomic(): a
 * temporary file in the same directory, written, flushed, fsync'ed and
 * renamed over the target, then the directory flushed, so that a crash
 * leaves either the old file or the new one, never half of one.  Answers
 * and reports are private: a new file is created 0600 (whatever the umask,
 * as ssh and gpg treat private data), and a file replaced keeps its mode.
 * Errors come back as -1 with a message in err (owned by the caller's
 * buffer); nothing here prints or exits.
 */
#ifndef CTO_FILEIO_H
#define CTO_FILEIO_H

#include <stddef.h>

#include "buf.h"

enum {
	FILE_WRITE_FORCE = 1 << 0, /* replace an existing file */
	/* Not private (a questionnaire, a checklist): a new file gets
	 * 0666 less the umask, as any program's would. */
	FILE_WRITE_SHARED = 1 << 1
};

/* The mode of a file created by file_write_atomic(). */
#define FILE_MODE_PRIVATE 0600

/*
 * Writes len bytes of data to path atomically, mode 0600 when new, else the
 * mode path had.  Without FILE_WRITE_FORCE an existing path is an error
 * ("refusing to overwrite ... (use --force)").
 * Special files (/dev/stdout, /dev/full, a FIFO) cannot be renamed over, so
 * they are written directly and every write is checked.
 */
int file_write_atomic(const char *path, const void *data, size_t len,
		      unsigned flags, struct buf *err);

/*
 * Opens path for reading if it is a regular file.  The check is made on the
 * opened descriptor, so that nothing can swap the file in between; the open
 * itself is non-blocking (then made blocking again), so that a FIFO or a
 * terminal cannot make it wait.  Returns the descriptor (the caller closes
 * it), or -1 with "cannot open 'x': ..." or "'x' is not a regular file" in
 * err.
 */
int file_open_regular(const char *path, struct buf *err);

/*
 * Reads the whole regular file at path (see file_open_regular) into out
 * (appended), refusing files larger than max bytes.  Returns 0, or -1 with
 * a message in err.
 */
int file_read_all(const char *path, size_t max, struct buf *out,
		  struct buf *err);

/*
 * A lock file: held by one process at a time (an fcntl() write lock on the
 * whole file), holding a line that says who holds it.  The lock goes with
 * the process, so a lock file left by a killed process is not held and is
 * taken over.  held is 0 until file_lock_take() succeeds; a zeroed struct
 * is a lock not held.
 */
struct file_lock {
	int held;
	int fd;
	char *path; /* owned */
};

/*
 * Takes the lock file at path (created 0600 when missing) and writes owner
 * (one line, trusted) into it.  Returns 0 when taken; 1 when another
 * process holds it, with what it wrote (raw, at most a few hundred bytes;
 * possibly empty) appended to holder; -1 with a message in err.
 */
int file_lock_take(struct file_lock *lock, const char *path,
		   const char *owner, struct buf *holder, struct buf *err);

/* Removes the lock file and lets the lock go, if held. */
void file_lock_release(struct file_lock *lock);

/* Creates directory path (one level) unless it exists as a directory. */
int file_make_dir(const char *path, struct buf *err);

/* Returns 1 when path names an existing directory. */
int file_is_dir(const char *path);

/* Returns 1 when path exists (any type). */
int file_exists(const char *path);

#endif
