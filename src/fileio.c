/*
 * fileio.c - checked, atomic file writes and bounded reads.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "util.h"

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Writes to a special file (device, FIFO) in place, checking every step. */
static int write_special(const char *path, const void *data, size_t len,
			 struct buf *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0) {
		buf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (write_all(fd, data, len) < 0) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Temporary files are named ".NAME.cto-assess.XXXXXX" beside NAME, so that
 * one left by a killed process can be recognised as ours and for NAME.
 */
#define TEMP_TAG ".cto-assess."
#define TEMP_RANDOM "XXXXXX"

/* When this process started: temporary files older than that are stale. */
static struct timespec process_start;

__attribute__((constructor)) static void note_process_start(void)
{
	clock_gettime(CLOCK_REALTIME, &process_start);
}

static char *temp_name_for(const char *path)
{
	struct buf name = BUF_INIT;
	const char *slash = strrchr(path, '/');

	if (slash)
		buf_add(&name, path, (size_t)(slash - path + 1));
	buf_addf(&name, ".%s" TEMP_TAG TEMP_RANDOM, slash ? slash + 1 : path);
	return buf_detach(&name, NULL);
}

/* Whether name is a temporary file of ours for the file called base. */
static int is_temp_name(const char *name, const char *base)
{
	size_t len = strlen(base), tag = strlen(TEMP_TAG);

	if (name[0] != '.' || strncmp(name + 1, base, len) ||
	    strncmp(name + 1 + len, TEMP_TAG, tag))
		return 0;
	name += 1 + len + tag;
	return strlen(name) == strlen(TEMP_RANDOM) &&
	       strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		      "0123456789") == strlen(TEMP_RANDOM);
}

static int older_than_process(const struct stat *st)
{
	return st->st_mtim.tv_sec < process_start.tv_sec ||
	       (st->st_mtim.tv_sec == process_start.tv_sec &&
		st->st_mtim.tv_nsec < process_start.tv_nsec);
}

/*
 * Removes the temporary files that a write to target killed half-way
 * (kill -9, a crash) left behind: our name for target, a regular file, our
 * own, and last written before this process started, so never one that
 * another process is writing now.  Best effort.
 */
static void remove_stale_temps(const char *target)
{
	const char *slash = strrchr(target, '/');
	const char *base = slash ? slash + 1 : target;
	char *dir = slash ? xstrndup(target, (size_t)(slash - target + 1))
			  : xstrdup(".");
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		struct stat st;

		if (!is_temp_name(e->d_name, base) ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) ||
		    !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
		    !older_than_process(&st))
			continue;
		(void)unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
	free(dir);
}

/*
 * Makes the rename itself durable: until the directory is flushed, a crash
 * can still lose the new name.  Best effort: some file systems refuse.
 */
static void sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (!slash)
		dir = xstrdup(".");
	else
		dir = xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* The process's umask (reading it means setting it: set it back). */
static mode_t current_umask(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return mask;
}

/*
 * What is at path: 0 when it may be (re)placed (*mode set to the mode to
 * give the new file), 1 for a special file to write in place, or -1.
 */
static int check_target(const char *path, unsigned flags, mode_t *mode,
			struct buf *err)
{
	struct stat st;

	*mode = FILE_MODE_PRIVATE;
	if (flags & FILE_WRITE_SHARED)
		*mode = 0666 & ~current_umask();
	if (stat(path, &st) < 0)
		return 0;
	if (S_ISDIR(st.st_mode)) {
		buf_addf(err, "'%s' is a directory", path);
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		return 1;
	if (!(flags & FILE_WRITE_FORCE)) {
		buf_addf(err, "refusing to overwrite '%s' (use --force)", path);
		return -1;
	}
	/* The user may have made it more or less private. */
	*mode = st.st_mode & 07777;
	return 0;
}

/*
 * The file to replace: path itself, or the file a symbolic link at path
 * leads to, so that the link stays a link (caller frees; NULL on error).
 */
static char *resolve_target(const char *path, struct buf *err)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) < 0 || !S_ISLNK(st.st_mode))
		return xstrdup(path);
	real = realpath(path, NULL);
	if (!real)
		buf_addf(err, "cannot follow the link '%s': %s", path,
			 strerror(errno));
	return real;
}

/*
 * Writes data into a new temporary file beside target (*tmp, caller frees)
 * and makes it durable; it stays 0600 until it is whole, then gets mode.
 * Messages name path, the name the user knows.
 */
static int write_temp(const char *path, const char *target, const void *data,
		      size_t len, mode_t mode, char **tmp, struct buf *err)
{
	int fd;

	*tmp = temp_name_for(target);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		buf_addf(err, "cannot create a file beside '%s': %s", path,
			 strerror(errno));
		return -1;
	}
	if (fchmod(fd, FILE_MODE_PRIVATE) < 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0 || fchmod(fd, mode) < 0) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int file_write_atomic(const char *path, const void *data, size_t len,
		      unsigned flags, struct buf *err)
{
	char *target = NULL, *tmp = NULL;
	mode_t mode;
	int ret = -1;

	switch (check_target(path, flags, &mode, err)) {
	case 1:
		return write_special(path, data, len, err);
	case -1:
		return -1;
	}
	target = resolve_target(path, err);
	if (!target)
		return -1;
	remove_stale_temps(target);
	if (write_temp(path, target, data, len, mode, &tmp, err) < 0)
		goto out;
	if (rename(tmp, target) < 0) {
		buf_addf(err, "cannot rename to '%s': %s", path,
			 strerror(errno));
		goto out;
	}
	sync_parent(target);
	ret = 0;
out:
	if (ret < 0 && tmp)
		unlink(tmp);
	free(tmp);
	free(target);
	return ret;
}

/* How much room each read() gets. */
#define READ_CHUNK ((size_t)65536)

int file_open_regular(const char *path, struct buf *err)
{
	struct stat st;
	int fd, flags;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		buf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		buf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		buf_addf(err, "'%s' is not a regular file", path);
		goto fail;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		buf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		goto fail;
	}
	return fd;
fail:
	close(fd);
	return -1;
}

int file_read_all(const char *path, size_t max, struct buf *out,
		  struct buf *err)
{
	struct stat st;
	size_t total = 0;
	int fd, ret = -1;

	fd = file_open_regular(path, err);
	if (fd < 0)
		return -1;
	/* One allocation for the whole file, rather than doubling copies. */
	if (fstat(fd, &st) == 0 && st.st_size > 0 && (size_t)st.st_size <= max)
		buf_grow(out, (size_t)st.st_size + READ_CHUNK);
	for (;;) {
		ssize_t n;

		/* Read straight into the buffer: no copy of a big file. */
		buf_grow(out, READ_CHUNK);
		n = read(fd, out->data + out->len, READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_addf(err, "cannot read '%s': %s", path,
				 strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		total += (size_t)n;
		if (total > max) {
			/* Limits under a MiB (a logo's) are said in KiB. */
			buf_addf(err, "'%s' is too large (more than %zu %s)",
				 path, max >= 1024 * 1024 ? max / (1024 * 1024)
				 : max / 1024, max >= 1024 * 1024 ? "MiB" : "KiB");
			goto out;
		}
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
	ret = 0;
out:
	close(fd);
	return ret;
}

/* ---- lock files ------------------------------------------------------- */

/* What a lock file may hold that we read back: one short line. */
#define LOCK_LINE_MAX 512

/* Appends the first line of what the holder of the lock wrote (bounded). */
static void read_holder(int fd, struct buf *holder)
{
	char line[LOCK_LINE_MAX];
	ssize_t n = pread(fd, line, sizeof(line), 0);
	const char *nl;

	if (n <= 0)
		return;
	nl = memchr(line, '\n', (size_t)n);
	buf_add(holder, line, nl ? (size_t)(nl - line) : (size_t)n);
}

/* Whether fd is still the file at path (not removed or replaced since). */
static int same_file(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/*
 * Opens and locks path: returns the descriptor, -2 when another process
 * holds the lock (holder appended), or -1 (err).  A holder that lets go
 * removes the file; locking the file it removed would lock nothing, so
 * that case starts again.
 */
static int open_locked(const char *path, struct buf *holder, struct buf *err)
{
	struct flock fl;
	int fd, tries, e;

	for (tries = 0; tries < 100; tries++) {
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
			  FILE_MODE_PRIVATE);
		if (fd < 0) {
			buf_addf(err, "cannot open '%s': %s", path,
				 strerror(errno));
			return -1;
		}
		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_SETLK, &fl) < 0) {
			e = errno;
			if (e == EACCES || e == EAGAIN)
				read_holder(fd, holder);
			else
				buf_addf(err, "cannot lock '%s': %s", path,
					 strerror(e));
			close(fd);
			return e == EACCES || e == EAGAIN ? -2 : -1;
		}
		if (same_file(fd, path))
			return fd;
		close(fd);
	}
	buf_addf(err, "cannot lock '%s': it keeps being replaced", path);
	return -1;
}

int file_lock_take(struct file_lock *lock, const char *path,
		   const char *owner, struct buf *holder, struct buf *err)
{
	size_t len = strlen(owner);
	int fd = open_locked(path, holder, err);

	if (fd < 0)
		return fd == -2 ? 1 : -1;
	if (ftruncate(fd, 0) < 0 || pwrite(fd, owner, len, 0) != (ssize_t)len) {
		buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		unlink(path);
		close(fd);
		return -1;
	}
	lock->held = 1;
	lock->fd = fd;
	lock->path = xstrdup(path);
	return 0;
}

void file_lock_release(struct file_lock *lock)
{
	if (!lock->held)
		return;
	/* Removed while still held: nobody can take the old file after. */
	unlink(lock->path);
	close(lock->fd);
	free(lock->path);
	memset(lock, 0, sizeof(*lock));
}

/* ---- directories -------------------------------------------------------- */

int file_make_dir(const char *path, struct buf *err)
{
	if (mkdir(path, 0755) == 0 || (errno == EEXIST && file_is_dir(path)))
		return 0;
	buf_addf(err, "cannot create directory '%s': %s", path,
		 strerror(errno));
	return -1;
}

int file_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}
