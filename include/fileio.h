/*
 * fileio.h - checked, atomic file writes and bounded reads.
 *
 * Every report and session file is written through file_write_atomic(): a
 * temporary file in the same directory, written, flushed, fsync'ed and
 * renamed over the target, then the directory flushed, so that a crash
 * leaves either the old file or the new one, never half of one.  Errors come back as -1 with a message in err
 * (owned by the caller's buffer); nothing here prints or exits.
 */
#ifndef CTO_FILEIO_H
#define CTO_FILEIO_H

#include <stddef.h>

#include "buf.h"

enum {
	FILE_WRITE_FORCE = 1 << 0 /* replace an existing file */
};

/*
 * Writes len bytes of data to path atomically.  Without FILE_WRITE_FORCE an
 * existing path is an error ("refusing to overwrite ... (use --force)").
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

/* Creates directory path (one level) unless it exists as a directory. */
int file_make_dir(const char *path, struct buf *err);

/* Returns 1 when path names an existing directory. */
int file_is_dir(const char *path);

/* Returns 1 when path exists (any type). */
int file_exists(const char *path);

#endif
